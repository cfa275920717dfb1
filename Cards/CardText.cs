using System.Text;

namespace OrganBot.Cards;

/// <summary>
/// Member-supplied text for a card: Teams renders Markdown in TextBlock and FactSet values, so a member could write a
/// live link or bold "urgent" into an admin's card, and bidi controls could make text read differently from what
/// it is. <see cref="Plain"/> backslash-escapes Markdown syntax (CommonMark escapes, so the characters still show)
/// and drops the bidi controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C.
/// </summary>
public static class CardText
{
    public static string Plain(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var builder = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsBidiControl(c)) continue;
            if (c is '\\' or '*' or '_' or '`' or '~' or '[' or ']' or '(' or ')' or '<' or '>' or '!' or '#' or '|'
                || (lineStart && c is '-' or '+')
                || (c == '.' && IsListNumber(builder)))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            if (c == '\n') lineStart = true;
            else if (!char.IsWhiteSpace(c)) lineStart = false;
        }

        return builder.ToString();
    }

    public static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';

    // "1." at the start of a line would become a numbered list.
    private static bool IsListNumber(StringBuilder written)
    {
        var i = written.Length - 1;
        if (i < 0 || !char.IsAsciiDigit(written[i])) return false;
        while (i >= 0 && char.IsAsciiDigit(written[i])) i--;
        while (i >= 0 && written[i] is ' ' or '\t') i--;
        return i < 0 || written[i] == '\n';
    }
}
