package org.seqengine.scheduler.domain;

import java.util.List;

/** One bad input field, in the shape of the API's 4xx {@code errors[]} entries. */
public record ValidationError(String code, List<String> path, String message) {

  public ValidationError {
    path = List.copyOf(path);
  }

  public static ValidationError of(String code, String message, String... path) {
    return new ValidationError(code, List.of(path), message);
  }
}
