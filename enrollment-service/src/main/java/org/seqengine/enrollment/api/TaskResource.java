package org.seqengine.enrollment.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.seqengine.enrollment.api.dto.TaskPage;
import org.seqengine.enrollment.api.dto.TaskView;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.enrollment.domain.CommandMeta;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.query.BoundedPoll;
import org.seqengine.enrollment.query.PersonalValues;
import org.seqengine.enrollment.query.TaskQueries;
import org.seqengine.enrollment.streams.TaskIndex;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.TaskRecord;
import org.seqengine.service.auth.Caller;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;

/**
 * Tasks created by TASK steps. Completing one completes its step: a {@code CompleteStep} command
 * through the decider, which marks the task COMPLETED in the same transaction.
 */
@Path("/sequences/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    static final String OPEN = "OPEN";
    private static final List<String> STATUSES = List.of(OPEN, "COMPLETED", "CANCELED");
    private static final Pattern CURSOR = Pattern.compile("\\d{16}/[^/\\uffff]{1,100}");

    @Inject
    Caller caller;

    @Inject
    TaskQueries tasks;

    @Inject
    CommandResults commands;

    @Inject
    EnrollmentConfig config;

    @Inject
    PersonalValues personal;

    @GET
    public TaskPage list(@QueryParam("assignee_id") String assigneeId, @QueryParam("status") String status,
                         @QueryParam("cursor") String cursor, @QueryParam("limit") String limitParam) {
        int limit = Paging.limit(limitParam);
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest(FieldError.of("invalid_enum", "status must be OPEN, COMPLETED or CANCELED.", "status"));
        }
        if (assigneeId != null && (assigneeId.isBlank() || assigneeId.length() > 200)) {
            throw ApiException.badRequest(FieldError.of("invalid_value", "assignee_id must be 1 to 200 characters.", "assignee_id"));
        }
        if (cursor != null && !CURSOR.matcher(cursor).matches()) {
            throw ApiException.badRequest(FieldError.of("invalid_cursor", "cursor must be a next_cursor of this list.", "cursor"));
        }
        String orgId = caller.orgId();
        String prefix = assigneeId == null
                ? status == null ? TaskIndex.all(orgId) : TaskIndex.byStatus(orgId, status)
                : status == null ? TaskIndex.byAssignee(orgId, assigneeId) : TaskIndex.byAssigneeAndStatus(orgId, assigneeId, status);
        TaskQueries.Page page = tasks.page(prefix, cursor, limit);
        return new TaskPage(page.tasks().stream().map(this::view).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    public TaskView get(@PathParam("id") String id) {
        return view(find(id));
    }

    /**
     * Completes the task's step. 200 with the task COMPLETED; 202 when the step completed but the
     * task's new state is not readable here yet (GET it shortly); 409 when the task is not OPEN or its
     * step is no longer the enrollment's pending one. The command id is the task's: a retry is the same command.
     */
    @POST
    @Path("/{id}/complete")
    @APIResponse(responseCode = "200", description = "The task and its step are completed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    @APIResponse(responseCode = "202", description = "The step completed; the task's new state is not readable yet.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskView.class)))
    public Response complete(@PathParam("id") String id) {
        TaskRecord task = find(id);
        if (!OPEN.equals(task.getStatus())) {
            throw ApiException.conflict("The task is " + task.getStatus() + ", not OPEN.");
        }
        String orgId = caller.orgId();
        CommandMeta meta = new CommandMeta(CommandResults.commandId(orgId, task.getPersonId(), "complete-task", id), orgId,
                task.getPersonId(), Instant.now(), caller.actor(), null);
        CommandReplyRecord reply = commands.execute(new EnrollmentCommand.CompleteStep(meta, task.getEnrollmentId(),
                task.getStepIndex()));
        if (reply.getEnrollmentIds().isEmpty()) {
            throw ApiException.conflict("The task's step is no longer pending on its enrollment.");
        }
        TaskRecord[] latest = {task};
        boolean done = BoundedPoll.until(Duration.ofMillis(Math.min(5_000, config.commandTimeout().toMillis())),
                Duration.ofMillis(10), () -> {
                    latest[0] = tasks.task(orgId, id).orElse(latest[0]);
                    return !OPEN.equals(latest[0].getStatus());
                });
        return Response.status(done ? 200 : 202).entity(view(latest[0])).build();
    }

    private TaskView view(TaskRecord task) {
        return TaskView.of(task, personal.taskBody(task));
    }

    private TaskRecord find(String id) {
        return tasks.task(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("Task not found."));
    }
}
