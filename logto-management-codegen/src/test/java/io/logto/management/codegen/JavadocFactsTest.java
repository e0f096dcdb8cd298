package io.logto.management.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.logto.management.codegen.naming.Overrides;
import io.logto.management.codegen.spec.Corrections;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The facts the generated Javadoc states about a property beyond the document's constraints: the
 * unit (an epoch timestamp's from its type, a number's from a {@code unit.} override), the values
 * of an enum, and the default.
 */
final class JavadocFactsTest {
  private static final Path SPECS = Path.of("src/test/resources/specs");
  private static final String MODEL = "io/logto/management/model/";

  private static Map<String, String> render(String spec, Overrides overrides, Corrections corrections) {
    return Main.render(SPECS.resolve(spec).toString(), overrides, corrections);
  }

  @Test
  void aUnitOverrideNamesTheUnitOfANumberPropertyOnly() {
    Map<String, String> files =
        render("widgets.yaml", Overrides.load(SPECS.resolve("units.overrides.properties")), Corrections.none());
    assertThat(files.get(MODEL + "CreateWidgetRequestDimensions.java"))
        .contains("@param width the <code>width</code> property (required, millimetres)");
    // name is text: a unit on it would be a mistake in the table, not a fact
    assertThat(files.get(MODEL + "CreateWidgetRequest.java"))
        .contains("@param name the <code>name</code> property (required, minLength 1, maxLength 64)");
  }

  @Test
  void withoutAUnitOverrideANumberStatesNoUnit() {
    Map<String, String> files = render("widgets.yaml", Overrides.none(), Corrections.none());
    assertThat(files.get(MODEL + "CreateWidgetRequestDimensions.java"))
        .contains("@param width the <code>width</code> property (required)");
  }

  @Test
  void epochTimestampsStateTheirWireUnit() {
    Map<String, String> files =
        render("corrected.yaml", Overrides.none(), Corrections.load(SPECS.resolve("corrected.corrections.txt")));
    String gadget = files.get(MODEL + "Gadget.java");
    assertThat(gadget)
        .contains("@param createdAt the <code>createdAt</code> property (required, epoch milliseconds on the wire)")
        .contains("@param signedAt the <code>signedAt</code> property (optional, epoch seconds on the wire)");
  }

  @Test
  void enumPropertiesListTheirValuesAndDefaultsAreStated() {
    Map<String, String> files = render("widgets.yaml", Overrides.none(), Corrections.none());
    assertThat(files.get(MODEL + "Widget.java"))
        .contains("@param kind the <code>kind</code> property (required, one of Small | Large)");
    assertThat(files.get(MODEL + "ListWidgetsParams.java"))
        .contains("the <code>page_size</code> parameter (optional, minimum 1, maximum 100, default: 20)");
  }
}
