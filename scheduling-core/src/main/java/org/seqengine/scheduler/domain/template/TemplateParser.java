package org.seqengine.scheduler.domain.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits step text into literal text and {@code {{variables}}}.
 *
 * <p>Syntax: {@code {{name}}}, spaces inside the braces allowed ({@code {{ first_name }}}); a name
 * is dot-separated segments of letters, digits, {@code _} and {@code -}, starting with a letter or
 * {@code _}. Malformed: {@code {{} without a closing {@code }}} before the next {@code {{} or the
 * end, {@code {{ }}} (empty), anything else inside the braces ({@code {{first name}}},
 * {@code {{{first_name}}}}), and a stray {@code }}} with no opening — it is nearly always a broken
 * variable, and a broken variable must block the step rather than reach a recipient. Single
 * braces are plain text.
 */
public final class TemplateParser {

  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_][A-Za-z0-9_-]*)*");
  private static final int MAX_RAW_SHOWN = 40;

  private TemplateParser() {}

  public static List<TemplateToken> parse(String text) {
    List<TemplateToken> tokens = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return tokens;
    }
    int pos = 0;
    while (pos < text.length()) {
      int open = text.indexOf(OPEN, pos);
      int literalEnd = open < 0 ? text.length() : open;
      addLiteral(text, pos, literalEnd, tokens);
      if (open < 0) {
        break;
      }
      int close = text.indexOf(CLOSE, open + OPEN.length());
      int nextOpen = text.indexOf(OPEN, open + OPEN.length());
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        int end = nextOpen < 0 ? text.length() : nextOpen;
        tokens.add(new TemplateToken.Malformed(shown(text.substring(open, end)), open, "'{{' is never closed with '}}'"));
        pos = end;
        continue;
      }
      String raw = text.substring(open, close + CLOSE.length());
      String inside = text.substring(open + OPEN.length(), close).strip();
      if (inside.isEmpty()) {
        tokens.add(new TemplateToken.Malformed(raw, open, "empty variable"));
      } else if (!NAME.matcher(inside).matches()) {
        tokens.add(new TemplateToken.Malformed(shown(raw), open, "'" + shown(inside) + "' is not a variable name"));
      } else {
        tokens.add(new TemplateToken.Variable(inside, raw, open));
      }
      pos = close + CLOSE.length();
    }
    return tokens;
  }

  /** Literal text, with every stray "}}" reported as malformed. */
  private static void addLiteral(String text, int from, int to, List<TemplateToken> tokens) {
    int pos = from;
    while (pos < to) {
      int stray = text.indexOf(CLOSE, pos);
      if (stray < 0 || stray + CLOSE.length() > to) {
        tokens.add(new TemplateToken.Text(text.substring(pos, to), pos));
        return;
      }
      if (stray > pos) {
        tokens.add(new TemplateToken.Text(text.substring(pos, stray), pos));
      }
      tokens.add(new TemplateToken.Malformed(CLOSE, stray, "'}}' without an opening '{{'"));
      pos = stray + CLOSE.length();
    }
  }

  private static String shown(String raw) {
    return raw.length() <= MAX_RAW_SHOWN ? raw : raw.substring(0, MAX_RAW_SHOWN) + "...";
  }
}
