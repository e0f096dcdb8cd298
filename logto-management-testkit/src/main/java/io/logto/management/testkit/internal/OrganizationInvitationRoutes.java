package io.logto.management.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logto.management.testkit.SentMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Organization invitations: create (optionally e-mailing the invitee through the e-mail connector with
 * the caller's {@code messagePayload}, e.g. a magic link made from a one-time token), list (filtered by
 * organization, inviter, invitee), get, delete, (re)send the message, and accept or revoke. Accepting
 * adds the accepted user to the organization with the invitation's roles. Pending invitations past
 * {@code expiresAt} read as {@code Expired}.
 */
final class OrganizationInvitationRoutes {
  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
  private static final Set<String> ENDING = Set.of("Accepted", "Expired", "Revoked");

  private final Store store;

  OrganizationInvitationRoutes(Store store) {
    this.store = store;
  }

  void register(Declarations handlers) {
    handlers.declare("ListOrganizationInvitations", call -> {
      Map<String, String> filters = Map.of("organizationId", orEmpty(call.query("organizationId")),
          "inviterId", orEmpty(call.query("inviterId")), "invitee", orEmpty(call.query("invitee")));
      List<JsonNode> found = new ArrayList<>();
      for (ObjectNode invitation : store.invitations.values()) {
        boolean matches = filters.entrySet().stream().allMatch(filter -> filter.getValue().isEmpty()
            || filter.getValue().equals(invitation.path(filter.getKey()).asText()));
        if (matches) {
          found.add(entity(invitation));
        }
      }
      return Reply.ok(Json.arrayOf(found));
    });
    handlers.declare("GetOrganizationInvitation", call -> Reply.ok(entity(invitation(call.param("id")))));
    handlers.declare("DeleteOrganizationInvitation", call -> {
      invitation(call.param("id"));
      store.invitations.remove(call.param("id"));
      return Reply.empty(204);
    });
    handlers.declare("CreateOrganizationInvitation", this::create);
    handlers.declare("CreateOrganizationInvitationMessage", call -> {
      ObjectNode payload = Guard.body(call.json()).raw();
      ObjectNode invitation = invitation(call.param("id"));
      send(invitation, payload);
      return Reply.empty(204);
    });
    handlers.declare("ReplaceOrganizationInvitationStatus", this::replaceStatus).payloads(call -> {
      ObjectNode invitation = store.invitations.get(call.pathParams().get("id"));
      DataHookPayloads.Pending membership = DataHookPayloads.membership(store, DataHookPayloads.Members.USERS,
          invitation == null ? null : invitation.path("organizationId").asText(null));
      return (succeeded, payloads) -> {
        // only an accepted invitation changes the organization's members
        if ("Accepted".equals(call.json().path("status").asText())) {
          membership.build(succeeded, payloads);
        }
      };
    });
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private Reply create(Call call) {
    Guard guard = call.guard();
    String inviterId = guard.string("inviterId", false);
    String invitee = guard.string("invitee", true);
    String organizationId = guard.string("organizationId", true);
    Long expiresAt = guard.number("expiresAt", true);
    List<String> roleIds = guard.strings("organizationRoleIds", false);
    JsonNode messagePayload = guard.raw().get("messagePayload");
    guard.check();
    if (!EMAIL.matcher(invitee).matches()) {
      ObjectNode data = Json.object();
      data.set("issues", Json.array().add(Json.object().put("validation", "email").put("code", "invalid_string")
          .put("message", "Invalid email").set("path", Json.array().add("invitee"))));
      data.put("name", "ZodError");
      throw ApiError.of(400, "guard.invalid_input", "The request body is invalid.", data,
          "Error in key path \"invitee\": (invalid_string) Invalid email");
    }
    if (expiresAt <= store.now()) {
      throw invalidInput(400, "The value of `expiresAt` must be in the future.");
    }
    if (!store.organizations.containsKey(organizationId) || (inviterId != null && !store.users.containsKey(inviterId))
        || (roleIds != null && !roleIds.stream().allMatch(store.orgRoles::containsKey))) {
      throw ApiError.foreignKeyNotFound();
    }
    for (String memberId : store.orgUsers.getOrDefault(organizationId, Set.of())) {
      ObjectNode member = store.users.get(memberId);
      if (member != null && invitee.equalsIgnoreCase(member.path("primaryEmail").asText())) {
        throw invalidInput(422, "The invitee is already a member of the organization.");
      }
    }
    long now = store.now();
    ObjectNode invitation = Json.object();
    invitation.put("tenantId", Store.TENANT).put("id", store.id(21));
    if (inviterId == null) {
      invitation.putNull("inviterId");
    } else {
      invitation.put("inviterId", inviterId);
    }
    invitation.put("invitee", invitee).putNull("acceptedUserId").put("organizationId", organizationId)
        .put("status", "Pending").put("createdAt", now).put("updatedAt", now).put("expiresAt", expiresAt);
    invitation.set("organizationRoleIds", Json.strings(roleIds == null ? List.of() : roleIds));
    if (messagePayload != null && messagePayload.isObject()) {
      // Logto sends the e-mail inside the transaction: no connector, no invitation
      send(invitation, (ObjectNode) messagePayload);
    }
    store.invitations.put(invitation.get("id").asText(), invitation);
    return Reply.created(entity(invitation));
  }

  private Reply replaceStatus(Call call) {
    Guard guard = call.guard();
    String status = guard.oneOf("status", List.of("Accepted", "Revoked"), true);
    String acceptedUserId = guard.string("acceptedUserId", false);
    guard.check();
    ObjectNode invitation = invitation(call.param("id"));
    if ("Accepted".equals(status) && acceptedUserId == null) {
      throw invalidInput(422, "The `acceptedUserId` is required when accepting an invitation.");
    }
    if (ENDING.contains(entity(invitation).get("status").asText())) {
      throw invalidInput(422, "The status of the invitation cannot be changed anymore.");
    }
    if ("Accepted".equals(status)) {
      ObjectNode user = store.user(acceptedUserId);
      if (!invitation.get("invitee").asText().equalsIgnoreCase(user.path("primaryEmail").asText())) {
        throw invalidInput(422, "The accepted user must have the same email as the invitee.");
      }
      String orgId = invitation.get("organizationId").asText();
      Store.set(store.orgUsers, orgId).add(acceptedUserId);
      Set<String> roles = Store.set(store.orgUserRoles.computeIfAbsent(orgId, k -> new java.util.HashMap<>()),
          acceptedUserId);
      invitation.get("organizationRoleIds").forEach(role -> roles.add(role.asText()));
      invitation.put("acceptedUserId", acceptedUserId);
    }
    invitation.put("status", status).put("updatedAt", store.now());
    return Reply.ok(entity(invitation));
  }

  /** E-mails the invitee through the e-mail connector (501 {@code connector.not_found} without one). */
  private void send(ObjectNode invitation, ObjectNode messagePayload) {
    SentMessage.Builder message = SentMessage.builder().recipient(invitation.get("invitee").asText())
        .template("OrganizationInvitation");
    ObjectNode organization = store.organizations.get(invitation.get("organizationId").asText());
    if (organization != null) {
      message.put("organization.id", organization.get("id").asText())
          .put("organization.name", organization.get("name").asText());
    }
    ObjectNode inviter = store.users.get(invitation.path("inviterId").asText(""));
    if (inviter != null) {
      message.put("inviter.id", inviter.get("id").asText());
      if (inviter.hasNonNull("name")) {
        message.put("inviter.name", inviter.get("name").asText());
      }
    }
    for (Map.Entry<String, JsonNode> entry : messagePayload.properties()) {
      message.put(entry.getKey(), entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString());
    }
    store.outbox.sendThroughConnector(SentMessage.Channel.EMAIL, message, store.now());
  }

  private ObjectNode invitation(String id) {
    ObjectNode invitation = store.invitations.get(id);
    if (invitation == null) {
      throw ApiError.notFound();
    }
    return invitation;
  }

  /** The invitation as Logto answers it: roles as {id, name}, a pending one past its expiry as Expired. */
  private ObjectNode entity(ObjectNode invitation) {
    ObjectNode copy = invitation.deepCopy();
    copy.remove("organizationRoleIds");
    if ("Pending".equals(copy.get("status").asText()) && copy.get("expiresAt").asLong() <= store.now()) {
      copy.put("status", "Expired");
    }
    List<JsonNode> roles = new ArrayList<>();
    for (JsonNode roleId : invitation.get("organizationRoleIds")) {
      ObjectNode role = store.orgRoles.get(roleId.asText());
      if (role != null) {
        roles.add(Json.object().put("id", role.get("id").asText()).put("name", role.get("name").asText()));
      }
    }
    copy.set("organizationRoles", Json.arrayOf(roles));
    return copy;
  }

  private static ApiError invalidInput(int status, String details) {
    return ApiError.of(status, "request.invalid_input", "Input is invalid. " + details);
  }
}
