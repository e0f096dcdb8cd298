package io.logto.management.testkit.internal;

/**
 * Every route class of the emulator, each declaring its operations; {@link Declarations#checkComplete()}
 * then finds an operation of the table no route class declared.
 */
final class RouteRegistry {
  private RouteRegistry() {}

  static void declareAll(Declarations declarations, Store store, Tokens tokens, WebhookDispatcher webhooks) {
    new UserRoutes(store).register(declarations);
    new RoleRoutes(store).register(declarations);
    new ResourceRoutes(store).register(declarations);
    new HookRoutes(store).register(declarations);
    new ApplicationRoutes(store).register(declarations);
    new OrganizationRoutes(store).register(declarations);
    new HookDeliveryRoutes(store, webhooks).register(declarations);
    new LogRoutes(store).register(declarations);
    new OneTimeTokenRoutes(store).register(declarations);
    new OrganizationInvitationRoutes(store).register(declarations);
    new DashboardRoutes(store).register(declarations);
    new SubjectTokenRoutes(store).register(declarations);
    new HousekeepingRoutes().register(declarations);
    new VerificationCodeRoutes(store).register(declarations);
    new UserAssetRoutes(store, tokens).register(declarations);
    new UserIdentityRoutes(store).register(declarations);
    new UserSecurityRoutes(store).register(declarations);
    new ApplicationSettingsRoutes(store).register(declarations);
    new ApplicationConsentRoutes(store).register(declarations);
    new OrganizationApplicationRoutes(store).register(declarations);
    // a JIT rule can point at the enterprise SSO connectors of the store
    new OrganizationJitRoutes(store, store.ssoConnectors::get).register(declarations);
    new ConfigRoutes(store).register(declarations);
    new ScriptConfigRoutes(store).register(declarations);
    new SignInExperienceRoutes(store).register(declarations);
    new CustomPhraseRoutes(store).register(declarations);
    new EmailTemplateRoutes(store).register(declarations);
    new CustomProfileFieldRoutes(store).register(declarations);
    new AccountCenterRoutes(store).register(declarations);
    new CaptchaProviderRoutes(store).register(declarations);
    new WellKnownRoutes(store).register(declarations);
    new ConnectorRoutes(store).register(declarations);
    new SsoConnectorRoutes(store).register(declarations);
    new DomainRoutes(store).register(declarations);
    new SamlApplicationRoutes(store).register(declarations);
    new SamlIdpRoutes(store).register(declarations);
    new AuthnRoutes(store, tokens).register(declarations);
  }
}
