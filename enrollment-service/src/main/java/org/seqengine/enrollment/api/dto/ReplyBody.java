package org.seqengine.enrollment.api.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.seqengine.service.validation.ErrorCode;

/**
 * {@code POST /enrollments/{id}/replies}: a reply seen elsewhere (another inbox, a phone call noted
 * by hand). AUTOMATED does not finish the enrollment: with {@code return_date} (out of office) it
 * pauses it until that date, else for 14 days; any other classification finishes it as Replied.
 * {@code opt_out_requested}: the reply asks to be removed (opts the person out when the
 * organization's {@code auto_opt_out_on_removal_request} is on).
 */
public record ReplyBody(
        @NotNull
        @Schema(enumeration = {"AUTOMATED", "NEGATIVE", "NEUTRAL", "POSITIVE"})
        @Pattern(regexp = "AUTOMATED|NEGATIVE|NEUTRAL|POSITIVE", message = "Must be AUTOMATED, NEGATIVE, NEUTRAL or POSITIVE.",
                payload = ErrorCode.InvalidEnum.class)
        String classification,
        @NotNull Instant receivedAt,
        LocalDate returnDate,
        @Size(max = Limits.TEXT) String subject,
        Boolean optOutRequested) {}
