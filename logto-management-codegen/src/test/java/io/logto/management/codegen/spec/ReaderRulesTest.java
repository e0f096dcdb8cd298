package io.logto.management.codegen.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logto.management.codegen.model.ApiModel;
import io.logto.management.codegen.model.FieldDef;
import io.logto.management.codegen.model.GenerationException;
import io.logto.management.codegen.model.OperationDef;
import io.logto.management.codegen.model.TypeDef;
import io.logto.management.codegen.model.TypeRef;
import io.logto.management.codegen.naming.Overrides;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reader rules on a small document: a {@code same.} merge of a text and an open enum keeps the enum,
 * a free-form body an update takes whole is named for what it changes, the correction {@code
 * as-answer} makes a body the type the operation answers, {@code enum-of} a text the enum another
 * operation answers and {@code shape} a value the named shape.
 */
final class ReaderRulesTest {
  private static final String DOCUMENT = """
      openapi: 3.0.1
      info: {title: things, version: "1"}
      paths:
        /api/things:
          post:
            operationId: CreateThing
            tags: [Things]
            requestBody:
              required: true
              content:
                application/json:
                  schema:
                    type: object
                    required: [kind]
                    properties:
                      kind: {type: string, maxLength: 128}
                      verificationFiles: {type: object, additionalProperties: true}
            responses:
              "200":
                description: the stored row
                content:
                  application/json:
                    schema:
                      type: object
                      required: [id, kind]
                      properties:
                        id: {type: string}
                        kind: {type: string}
        /api/things/{id}:
          get:
            operationId: GetThing
            tags: [Things]
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              "200":
                description: the row with details
                content:
                  application/json:
                    schema:
                      type: object
                      required: [id, kind, label]
                      properties:
                        id: {type: string}
                        kind: {type: string, enum: [Round, Square]}
                        label: {type: string}
        /api/things/{id}/custom-data:
          patch:
            operationId: UpdateThingCustomData
            tags: [Things]
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            requestBody:
              required: true
              content:
                application/json:
                  schema: {type: object, description: arbitrary}
            responses:
              "200":
                description: the custom data
                content:
                  application/json:
                    schema: {type: object, description: arbitrary}
        /api/things/{id}/script:
          put:
            operationId: UpsertThingScript
            tags: [Things]
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            requestBody:
              required: true
              content:
                application/json:
                  schema:
                    properties:
                      script: {description: the script}
                      strict: {description: whether to fail}
            responses:
              "200":
                description: the script
                content:
                  application/json:
                    schema:
                      type: object
                      required: [script]
                      properties:
                        script: {type: string}
                        strict: {type: boolean}
      """;

  private static ApiModel model;

  @BeforeAll
  static void read(@TempDir Path dir) throws IOException {
    Path document = Files.writeString(dir.resolve("things.yaml"), DOCUMENT);
    Path overrides = Files.writeString(dir.resolve("o.properties"), "same.Thing=CreateThingResponse\n");
    Path corrections = Files.writeString(dir.resolve("c.txt"), """
        UpsertThingScript request as-answer recordings-sweep/0001-UpsertThingScript.json
        CreateThing request:kind enum-of:GetThing recordings-sweep/0002-CreateThing.json
        CreateThing request:verificationFiles shape:DomainVerificationFiles recordings-sweep/0003-CreateThing.json
        """);
    model = SpecReader.read(document.toString(), Overrides.load(overrides), Corrections.load(corrections));
  }

  @Test
  void anEntityStoredAsTextAndReadAsAnOpenEnumIsOneRecordWithTheEnum() {
    TypeDef.RecordDef thing = record("Thing");
    assertThat(field(thing, "kind").type()).isEqualTo(new TypeRef.Named("ThingKind"));
    assertThat(field(thing, "kind").required()).isTrue();
    assertThat(field(thing, "label").required()).as("only the read answers it").isFalse();
    assertThat(operation("CreateThing").response().type()).isEqualTo(new TypeRef.Named("Thing"));
    assertThat(model.types()).noneMatch(t -> t.name().equals("CreateThingResponse"));
  }

  @Test
  void aFreeFormBodyAnUpdateTakesWholeIsNamedForWhatItChanges() {
    assertThat(operation("UpdateThingCustomData").body().argName()).isEqualTo("customData");
    assertThat(operation("UpsertThingScript").body().argName()).isEqualTo("body");
  }

  @Test
  void aBodyCorrectedAsTheAnswerIsTheAnswersType() {
    OperationDef upsert = operation("UpsertThingScript");
    assertThat(upsert.body().type()).isEqualTo(upsert.response().type());
    TypeDef.RecordDef script = record(((TypeRef.Named) upsert.body().type()).name());
    assertThat(field(script, "strict").type()).isEqualTo(TypeRef.Scalar.BOOLEAN);
    assertThat(script.request()).as("a body: built by the caller").isTrue();
  }

  @Test
  void aPropertyCorrectedAsAnotherAnswersEnumTakesThatEnum() {
    TypeDef.RecordDef create = record(((TypeRef.Named) operation("CreateThing").body().type()).name());
    assertThat(field(create, "kind").type()).isEqualTo(new TypeRef.Named("ThingKind"));
  }

  @Test
  void aPropertyCorrectedAsANamedShapeIsThatShape() {
    TypeDef.RecordDef create = record(((TypeRef.Named) operation("CreateThing").body().type()).name());
    TypeRef files = field(create, "verificationFiles").type();
    assertThat(files).isInstanceOf(TypeRef.ListOf.class);
    TypeDef.RecordDef file = record(((TypeRef.Named) ((TypeRef.ListOf) files).element()).name());
    assertThat(file.fields()).extracting(FieldDef::jsonName).containsExactly("path", "content", "contentType");
    assertThat(field(file, "contentType").type()).isInstanceOf(TypeRef.Named.class);
  }

  @Test
  void aLastRenameNamesTheTypeTheRulesLeftAndNeverFoldsTwoTypes(@TempDir Path dir) throws IOException {
    Path document = Files.writeString(dir.resolve("things.yaml"), DOCUMENT);
    Path renamed = Files.writeString(dir.resolve("r.properties"), "same.Thing=CreateThingResponse\nrename.ThingKind=ThingShape\n");
    ApiModel read = SpecReader.read(document.toString(), Overrides.load(renamed), Corrections.none());
    assertThat(read.types()).extracting(TypeDef::name).contains("ThingShape").doesNotContain("ThingKind");
    Path clash = Files.writeString(dir.resolve("c.properties"), "same.Thing=CreateThingResponse\nrename.ThingKind=Thing\n");
    assertThatThrownBy(() -> SpecReader.read(document.toString(), Overrides.load(clash), Corrections.none()))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("rename.ThingKind=Thing");
  }

  private static OperationDef operation(String id) {
    return model.services().stream().flatMap(s -> s.operations().stream())
        .filter(o -> o.operationId().equals(id)).findFirst().orElseThrow();
  }

  private static TypeDef.RecordDef record(String name) {
    return model.types().stream().filter(t -> t.name().equals(name)).map(TypeDef.RecordDef.class::cast)
        .findFirst().orElseThrow();
  }

  private static FieldDef field(TypeDef.RecordDef record, String json) {
    return record.fields().stream().filter(f -> f.jsonName().equals(json)).findFirst().orElseThrow();
  }
}
