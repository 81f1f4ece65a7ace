package org.seqengine.enrollment.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.domain.reference.Step;
import org.seqengine.scheduler.domain.template.StepTemplate;
import org.seqengine.scheduler.domain.template.VariableProblem;

/**
 * A step's subject and body rendered for one person with scheduling-core's {@link StepTemplate}
 * (variables {@code {{first_name}}}, {@code {{attributes.title}}}, ... over the person record's fields).
 * The same inputs always render the same text, so the send-time check and the send request agree.
 */
public final class StepContent {

    private StepContent() {}

    /** Rendered, or why not (with the variables at fault). */
    public static StepTemplate.Result render(Step step, Person person) {
        return StepTemplate.render(step.subject(), step.body(), fieldsOf(person));
    }

    /** The block reason of a template that does not render. */
    static BlockReason blockReason(StepTemplate.Blocked blocked) {
        return blocked.reason() == StepTemplate.BlockReason.INVALID_VARIABLES
                ? BlockReason.INVALID_VARIABLES : BlockReason.MISSING_VARIABLES;
    }

    /** The variables at fault, each once, in the order found (subject first). */
    static List<String> variables(StepTemplate.Blocked blocked) {
        return blocked.problems().stream().map(VariableProblem::variable).distinct().toList();
    }

    /**
     * The step text for a task: rendered when it renders, else as written (a task is for a person,
     * who reads around a missing value; only emails are blocked by their variables).
     */
    static String taskBody(Step step, Person person) {
        return person != null && render(step, person) instanceof StepTemplate.Ready ready ? ready.body() : step.body();
    }

    /** The person record as the template sees it: PersonRecord's field names. */
    static Map<String, Object> fieldsOf(Person p) {
        Map<String, Object> fields = new HashMap<>();
        if (p == null) return fields;
        fields.put("first_name", p.firstName());
        fields.put("last_name", p.lastName());
        fields.put("email", p.email());
        fields.put("company_domain", p.companyDomain());
        fields.put("linkedin_url", p.linkedinUrl());
        fields.put("attributes", p.attributes());
        return fields;
    }
}
