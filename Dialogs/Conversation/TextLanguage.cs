using OrganBot.Cards;

namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// Which language a member wrote in, from the text alone: Chinese characters mean Chinese, words of Latin letters
/// mean English. Text that says neither (“?”, “1”, a ticket number) is left to the member's stored language.
/// </summary>
public static class TextLanguage
{
    /// <summary>Chinese, English, or null when the text does not tell.</summary>
    public static UiLanguage? Detect(string text)
    {
        int han = 0, latin = 0, digits = 0;
        foreach (var c in text)
        {
            if (IsHan(c)) han++;
            else if (char.IsAsciiLetter(c)) latin++;
            else if (char.IsAsciiDigit(c)) digits++;
        }

        // An English sentence may name a formulation in Chinese (“What does 两个维护 mean?”): one Chinese
        // character weighs about as much as an English word.
        if (latin >= 2 && latin > digits && latin >= 3 * han) return UiLanguage.English;
        return han > 0 ? UiLanguage.Chinese : null;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';
}
