package org.seqengine.scheduler.domain;

import java.util.List;

/** A parsed setting, or every reason it is invalid. */
public sealed interface Validated<T> permits Validated.Valid, Validated.Invalid {

  record Valid<T>(T value) implements Validated<T> {}

  record Invalid<T>(List<ValidationError> errors) implements Validated<T> {
    public Invalid {
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an Invalid result needs at least one error");
      }
      errors = List.copyOf(errors);
    }
  }
}
