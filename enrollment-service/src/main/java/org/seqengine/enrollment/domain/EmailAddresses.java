package org.seqengine.enrollment.domain;

/** Whether a person's address is plausible enough to send to: {@code local@domain.tld}, no spaces. */
public final class EmailAddresses {

    private static final int MAX_LENGTH = 254;

    private EmailAddresses() {}

    public static boolean isPlausible(String email) {
        if (email == null || email.isBlank() || email.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < email.length(); i++) {
            if (Character.isWhitespace(email.charAt(i))) {
                return false;
            }
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            return false;
        }
        String[] labels = email.substring(at + 1).split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        return tld.length() >= 2 && !tld.chars().allMatch(Character::isDigit);
    }
}
