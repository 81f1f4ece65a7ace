package org.seqengine.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The parser answers any JSON with a filter or errors (never another exception), and round-trips what it accepts. */
class FilterParserPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property
    void anyJsonParsesOrNamesItsErrors(@ForAll("filterLike") JsonNode json) {
        try {
            Filter f = FilterParser.parse(json);
            assertThat(FilterParser.parse(FilterJson.write(f))).isEqualTo(f);
        } catch (InvalidFilterException e) {
            assertThat(e.errors()).isNotEmpty().allSatisfy(error -> {
                assertThat(error.path()).startsWith(FilterParser.ROOT);
                assertThat(error.pathSegments().get(0)).isEqualTo(FilterParser.ROOT);
                assertThat(error.code()).isNotBlank();
            });
        }
    }

    @Provide
    Arbitrary<JsonNode> filterLike() {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
                Arbitraries.of("customer", " ", "", "2026-11-24", "2026-11-24T10:00:00Z", "42", "x").map(NODES::textNode),
                Arbitraries.integers().between(-5, 200).map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.of(1.5, -0.0).map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.just(NODES.nullNode()));
        Arbitrary<JsonNode> value = Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(3).map(l -> (JsonNode) NODES.arrayNode().addAll(l)));
        Arbitrary<JsonNode> condition = Arbitraries.of("person.stage", "company.industry", "company.domain", "opportunity.amount",
                        "industry", "person.", "company.a b")
                .flatMap(field -> Arbitraries.of(List.of(Op.values()).stream().map(Op::json).toList().toArray(new String[0]))
                        .injectDuplicates(0.1).edgeCases(c -> c.add("EQUALS"))
                        .flatMap(op -> value.injectNull(0.2).map(v -> {
                            ObjectNode c = NODES.objectNode().put("field", field).put("op", op);
                            if (v != null) c.set("value", v);
                            return (JsonNode) c;
                        })));
        return Arbitraries.recursive(() -> Arbitraries.oneOf(condition, scalar), this::group, 4);
    }

    private Arbitrary<JsonNode> group(Arbitrary<JsonNode> inner) {
        return Arbitraries.oneOf(
                inner.list().ofMaxSize(3).map(l -> (JsonNode) NODES.objectNode().set("all", NODES.arrayNode().addAll(l))),
                inner.list().ofMaxSize(3).map(l -> (JsonNode) NODES.objectNode().set("any", NODES.arrayNode().addAll(l))),
                inner.map(n -> (JsonNode) NODES.objectNode().set("not", n)),
                inner.map(n -> {
                    ObjectNode mixed = NODES.objectNode().set("not", n);
                    mixed.put("field", "person.x");
                    return (JsonNode) mixed;
                }));
    }
}
