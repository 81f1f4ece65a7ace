package org.seqengine.filter;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one company-domain normalization of the system: whatever a user or a CRM wrote ({@code
 * https://www.Example.com:443/about}, {@code jane@example.com}, {@code example.com.}) becomes the
 * key people, companies, opportunities and exclusion lists are joined on ({@code example.com}).
 */
public final class Domains {

    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
    /** A DNS label after IDN conversion; underscores occur in real records, so they are kept. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_-]{1,63}");
    private static final int MAX_LENGTH = 253;

    private Domains() {}

    /**
     * Lower case; without scheme, user info, {@code www.} prefixes, path, query, fragment, port and
     * trailing dots; international names in their ASCII (punycode) form. Idempotent. Returns null
     * for null, blank or anything that is not a host name of two or more labels after that (spaces,
     * empty labels, a non-numeric port, {@code localhost}).
     */
    public static String normalize(String raw) {
        if (raw == null) return null;
        String d = raw.strip().toLowerCase(Locale.ROOT);
        d = SCHEME.matcher(d).replaceFirst("");
        if (d.startsWith("//")) d = d.substring(2);
        d = cutAtFirst(d, "/?#");
        d = d.substring(d.lastIndexOf('@') + 1);
        int colon = d.lastIndexOf(':');
        if (colon >= 0) {
            String port = d.substring(colon + 1);
            if (!port.chars().allMatch(Character::isDigit)) return null;
            d = d.substring(0, colon);
        }
        d = stripTrailingDots(d);
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // after the IDN step, which maps ideographic full stops to dots
        d = stripTrailingDots(d);
        while (d.startsWith("www.")) d = d.substring(4);
        return isHostName(d) ? d : null;
    }

    private static String stripTrailingDots(String d) {
        int end = d.length();
        while (end > 0 && d.charAt(end - 1) == '.') end--;
        return d.substring(0, end);
    }

    private static String cutAtFirst(String s, String stops) {
        for (int i = 0; i < s.length(); i++) {
            if (stops.indexOf(s.charAt(i)) >= 0) return s.substring(0, i);
        }
        return s;
    }

    /** At least two labels: a company's domain, not a single host name like {@code localhost}. */
    private static boolean isHostName(String d) {
        if (d.isEmpty() || d.length() > MAX_LENGTH || d.indexOf('.') < 0) return false;
        for (String label : d.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) return false;
        }
        return true;
    }
}
