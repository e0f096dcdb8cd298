package io.logto.management.codegen.emit;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.codegen.model.ApiModel;
import io.logto.management.codegen.model.BodyDef;
import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.ParamDef;
import io.logto.management.codegen.model.ServiceDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first sentence of a model type's Javadoc names where the type is used: what it is for. */
final class UsagesTest {
  private static final TypeDef.RecordDef WIDGET = new TypeDef.RecordDef("Widget", "#/widget", List.of(
      new FieldDef("owner", "owner", new TypeRef.Named("WidgetOwner"), true, false, ""),
      new FieldDef("previous_owners", "previousOwners", new TypeRef.ListOf(new TypeRef.Named("WidgetOwner")),
          false, false, "")), false, List.of());

  private static Usages usages() {
    OperationDef list = new OperationDef("ListWidgets", "list", "GET", "/api/widgets", "", List.of(),
        List.of(new ParamDef("kind", "kind", new TypeRef.Named("WidgetKind"), false, false, "")),
        "ListWidgetsParams", null, Operations.WIDGETS, true);
    OperationDef create = Operations.post("CreateWidget", "",
        new BodyDef(BodyDef.Kind.JSON, new TypeRef.Named("CreateWidget"), true, List.of()), Operations.WIDGET);
    TypeDef.OneOfDef shape = new TypeDef.OneOfDef("Shape", "#/shape",
        List.of(new TypeDef.Variant("Square", List.of("side"), Map.of())));
    return Usages.of(new ApiModel(
        List.of(new ServiceDef("Widgets", "WidgetsService", "widgets", List.of(create, list))),
        List.of(WIDGET, shape)));
  }

  @Test
  void anOperationsUseComesFirstAndOtherUsesAreCounted() {
    assertThat(usages().sentence("Widget")).isEqualTo(
        "Used as the answer of <code>POST /api/widgets/&#123;id&#125;/parts</code>, and in 1 other place.");
    assertThat(usages().sentence("CreateWidget"))
        .isEqualTo("Used as the request body of <code>POST /api/widgets/&#123;id&#125;/parts</code>.");
    assertThat(usages().sentence("WidgetKind"))
        .isEqualTo("Used as the <code>kind</code> parameter of <code>GET /api/widgets</code>.");
  }

  @Test
  void nestedTypesNameTheirParentAndVariantsTheirOneOf() {
    assertThat(usages().sentence("WidgetOwner")).isEqualTo(
        "Used as the <code>owner</code> property of {@link Widget}, and in 1 other place.");
    assertThat(usages().sentence("Square")).isEqualTo("Used as a shape of {@link Shape}.");
  }

  @Test
  void anOperationAnsweringTheTypeWholeIsNamedBeforeOneListingIt() {
    OperationDef get = new OperationDef("GetWidget", "get", "GET", "/api/widgets/{id}", "",
        List.of(Operations.path("id")), List.of(), null, null, Operations.WIDGET, false);
    Usages usages = Usages.of(new ApiModel(List.of(new ServiceDef("Widgets", "WidgetsService", "widgets",
        List.of(Operations.listWidgets(false), get))), List.of()));

    assertThat(usages.sentence("Widget"))
        .isEqualTo("Used as the answer of <code>GET /api/widgets/&#123;id&#125;</code>, and in 1 other place.");
  }

  @Test
  void aListsElementIsAnItemOfIt() {
    Usages usages = Usages.of(new ApiModel(List.of(new ServiceDef("Widgets", "WidgetsService", "widgets",
        List.of(Operations.listWidgets(false)))), List.of()));

    assertThat(usages.sentence("Widget")).isEqualTo("Used as an item of the answer of <code>GET /api/widgets</code>.");
  }
}
