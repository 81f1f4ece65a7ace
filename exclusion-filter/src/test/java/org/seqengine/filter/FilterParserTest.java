package org.seqengine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.seqengine.filter.Json.filter;
import static org.seqengine.filter.Json.json;

import java.util.List;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    private static List<FilterError> errors(String text) {
        return FilterParser.validate(json(text));
    }

    private static FilterError only(String text) {
        List<FilterError> errors = errors(text);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void parsesEveryShape() throws InvalidFilterException {
        Filter f = filter("{'all':[{'field':'person.lifecycle_stage','op':'equals','value':'customer'},"
                + "{'any':[{'field':'company.industry','op':'in','value':['a','b']},{'not':{'field':'opportunity.stage','op':'is_set'}}]}]}");
        assertThat(f).isEqualTo(new Filter.All(List.of(
                new Filter.Condition("person.lifecycle_stage", Op.EQUALS, json("'customer'")),
                new Filter.Any(List.of(
                        new Filter.Condition("company.industry", Op.IN, json("['a','b']")),
                        new Filter.Not(new Filter.Condition("opportunity.stage", Op.IS_SET, null)))))));
        assertThat(f.fields()).containsExactly("person.lifecycle_stage", "company.industry", "opportunity.stage");
        assertThat(f.referencesPersonFields()).isTrue();
        assertThat(f.isTimeRelative()).isFalse();
        assertThat(FilterParser.parse(FilterJson.write(f))).isEqualTo(f);
    }

    @Test
    void acceptsEveryOpWithItsValue() {
        for (String condition : List.of("'op':'equals','value':5", "'op':'not_equals','value':true", "'op':'in','value':[1,'x']",
                "'op':'not_in','value':['x']", "'op':'contains','value':'ac'", "'op':'gt','value':10.5", "'op':'lt','value':'2026-11-24'",
                "'op':'gt','value':'2026-11-24T10:00:00Z'", "'op':'lt','value':'42'", "'op':'within_last_days','value':90",
                "'op':'older_than_days','value':0", "'op':'is_set'", "'op':'is_not_set','value':null")) {
            assertThat(errors("{'field':'opportunity.close_date'," + condition + "}")).as(condition).isEmpty();
        }
        assertThat(errors("{'field':'company.domain','op':'in_list','value':'competitors'}")).isEmpty();
        assertThat(filter("{'field':'company.domain','op':'in_list','value':'l'}").fields()).containsExactly("company.domain");
        assertThat(filter("{'field':'opportunity.closed_at','op':'within_last_days','value':3}").isTimeRelative()).isTrue();
    }

    @Test
    void nodesMustBeExactlyOneShape() {
        assertThat(only("[]")).isEqualTo(new FilterError("filter", "invalid_node", only("[]").message()));
        assertThat(only("{}").code()).isEqualTo("invalid_node");
        assertThat(only("{'all':[{'field':'person.a','op':'is_set'}],'not':{'field':'person.a','op':'is_set'}}"))
                .extracting(FilterError::path, FilterError::code).containsExactly("filter", "invalid_node");
        assertThat(only("{'all':[{'field':'person.a','op':'is_set','extra':1}]}"))
                .extracting(FilterError::path, FilterError::code).containsExactly("filter.all[0]", "invalid_node");
        assertThat(only("{'any':{'field':'person.a','op':'is_set'}}"))
                .extracting(FilterError::path, FilterError::code).containsExactly("filter.any", "invalid_node");
        assertThat(only("{'not':'x'}")).extracting(FilterError::path, FilterError::code).containsExactly("filter.not", "invalid_node");
        assertThat(only("{'all':[1]}")).extracting(FilterError::path).isEqualTo("filter.all[0]");
    }

    @Test
    void groupsMustNotBeEmpty() {
        assertThat(only("{'any':[]}")).extracting(FilterError::path, FilterError::code).containsExactly("filter.any", "empty_group");
        assertThat(only("{'not':{'all':[]}}")).extracting(FilterError::path, FilterError::code).containsExactly("filter.not.all", "empty_group");
    }

    @Test
    void fieldsNeedAKnownPrefixAndAName() {
        for (String field : List.of("'industry'", "'person.'", "'company. '", "'opportunity.a b'", "'PERSON.x'", "5", "null")) {
            assertThat(only("{'field':" + field + ",'op':'is_set'}")).as(field)
                    .extracting(FilterError::path, FilterError::code).containsExactly("filter.field", "unknown_field");
        }
        assertThat(only("{'op':'is_set'}")).extracting(FilterError::path, FilterError::code).containsExactly("filter.field", "missing_field");
    }

    @Test
    void opsMustBeKnown() {
        assertThat(only("{'all':[{'field':'person.a','op':'is_set'},{'field':'person.a','op':'EQUALS','value':'x'}]}"))
                .extracting(FilterError::path, FilterError::code).containsExactly("filter.all[1].op", "unknown_op");
        assertThat(only("{'field':'person.a','op':['equals'],'value':'x'}").code()).isEqualTo("unknown_op");
        assertThat(only("{'field':'person.a','value':'x'}")).extracting(FilterError::path, FilterError::code)
                .containsExactly("filter.op", "missing_op");
    }

    @Test
    void valuesMustSuitTheOp() {
        assertThat(only("{'field':'person.a','op':'equals'}")).extracting(FilterError::path, FilterError::code)
                .containsExactly("filter.value", "missing_value");
        assertThat(only("{'field':'person.a','op':'in','value':null}").code()).isEqualTo("missing_value");
        for (String bad : List.of("'op':'equals','value':' '", "'op':'equals','value':{'a':1}", "'op':'contains','value':[]",
                "'op':'in','value':[]", "'op':'not_in','value':'x'", "'op':'gt','value':'soon'", "'op':'lt','value':true",
                "'op':'within_last_days','value':-1", "'op':'within_last_days','value':1.5", "'op':'older_than_days','value':'9'",
                "'op':'older_than_days','value':100001", "'op':'is_set','value':'x'")) {
            assertThat(only("{'field':'person.a'," + bad + "}")).as(bad)
                    .extracting(FilterError::path, FilterError::code).containsExactly("filter.value", "invalid_value");
        }
        assertThat(only("{'field':'person.a','op':'in','value':['x',' ']}"))
                .extracting(FilterError::path, FilterError::code).containsExactly("filter.value[1]", "invalid_value");
    }

    @Test
    void inListNeedsAListIdAndTheDomain() {
        assertThat(only("{'field':'company.name','op':'in_list','value':'l'}"))
                .extracting(FilterError::path, FilterError::code).containsExactly("filter.field", "invalid_value");
        assertThat(only("{'field':'company.domain','op':'in_list','value':['l']}"))
                .extracting(FilterError::path, FilterError::code).containsExactly("filter.value", "invalid_value");
    }

    @Test
    void collectsEveryError() {
        List<FilterError> errors = errors("{'all':[{'field':'x','op':'nope'},{'any':[]},{'not':{'field':'person.a','op':'gt'}}]}");
        assertThat(errors).extracting(FilterError::path, FilterError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("filter.all[0].field", "unknown_field"),
                org.assertj.core.groups.Tuple.tuple("filter.all[0].op", "unknown_op"),
                org.assertj.core.groups.Tuple.tuple("filter.all[1].any", "empty_group"),
                org.assertj.core.groups.Tuple.tuple("filter.all[2].not.value", "missing_value"));
        assertThatThrownBy(() -> FilterParser.parse(json("{'any':[]}"), "rule.filter"))
                .isInstanceOfSatisfying(InvalidFilterException.class,
                        e -> assertThat(e.errors()).extracting(FilterError::path).containsExactly("rule.filter.any"))
                .hasMessageContaining("rule.filter.any");
    }

    @Test
    void boundsDepthAndSize() {
        String deep = "{'not':".repeat(FilterParser.MAX_DEPTH) + "{'field':'person.a','op':'is_set'}" + "}".repeat(FilterParser.MAX_DEPTH);
        FilterError tooDeep = only(deep);
        assertThat(tooDeep.code()).isEqualTo("too_deep");
        assertThat(tooDeep.path()).isEqualTo("filter" + ".not".repeat(FilterParser.MAX_DEPTH));
        String justDeepEnough = "{'not':".repeat(FilterParser.MAX_DEPTH - 1) + "{'field':'person.a','op':'is_set'}"
                + "}".repeat(FilterParser.MAX_DEPTH - 1);
        assertThat(errors(justDeepEnough)).isEmpty();

        String condition = "{'field':'person.a','op':'is_set'}";
        String big = "{'any':[" + String.join(",", java.util.Collections.nCopies(FilterParser.MAX_NODES, condition)) + "]}";
        assertThat(only(big)).extracting(FilterError::path, FilterError::code).containsExactly("filter", "too_many_nodes");
        String bigEnough = "{'any':[" + String.join(",", java.util.Collections.nCopies(FilterParser.MAX_NODES - 1, condition)) + "]}";
        assertThat(errors(bigEnough)).isEmpty();
        String manyBad = "{'any':[" + String.join(",", java.util.Collections.nCopies(500, "1")) + "]}";
        assertThat(errors(manyBad)).hasSize(FilterParser.MAX_ERRORS);
    }

    @Test
    void pathsSplitIntoNamesAndIndexes() {
        assertThat(new FilterError("filter.all[1].any[12].not.op", "unknown_op", "m").pathSegments())
                .containsExactly("filter", "all", 1, "any", 12, "not", "op");
        assertThat(new FilterError("filter", "invalid_node", "m").pathSegments()).containsExactly("filter");
    }
}
