package org.seqengine.exclusion.domain;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Company domains as every record keys them: {@code https://www.Example.com:443/about} and
 * {@code example.com.} are both {@code example.com}, so connectors never add "domain variations".
 * The same rules as {@code org.seqengine.filter.Domains.normalize}, which will replace this class
 * once exclusion-filter is part of the build.
 */
public final class CrmDomains {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;

    private CrmDomains() {}

    /**
     * Lower case, without scheme, user info, {@code www.} prefix, path, query, fragment, port or
     * trailing dot; internationalized names in their ASCII (punycode) form. Null when the input is
     * null, blank or not a domain name with at least two labels. Idempotent.
     */
    public static String normalize(String raw) {
        if (raw == null) return null;
        String s = raw.strip().toLowerCase(Locale.ROOT);
        int scheme = s.indexOf("://");
        if (scheme >= 0) s = s.substring(scheme + 3);
        s = cutAtFirst(s, "/?#");
        s = s.substring(s.lastIndexOf('@') + 1);
        int port = s.indexOf(':');
        if (port >= 0) s = s.substring(0, port);
        while (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        while (s.startsWith("www.")) s = s.substring(4);
        if (s.isEmpty()) return null;
        try {
            s = IDN.toASCII(s, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return isDomainName(s) ? s : null;
    }

    private static String cutAtFirst(String s, String stops) {
        for (int i = 0; i < s.length(); i++) {
            if (stops.indexOf(s.charAt(i)) >= 0) return s.substring(0, i);
        }
        return s;
    }

    private static boolean isDomainName(String s) {
        if (s.length() > MAX_LENGTH) return false;
        String[] labels = s.split("\\.", -1);
        if (labels.length < 2) return false;
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) return false;
        }
        return true;
    }
}
