package org.seqengine.service.validation;

/** Id formats shared by constraints and by reads (an id that cannot exist is simply not found). */
public final class Ids {

    public static final String UUID_REGEX = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(UUID_REGEX);

    private Ids() {}

    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }
}
