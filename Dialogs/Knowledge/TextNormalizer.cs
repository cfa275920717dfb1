using System.Text;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// Folds the surface differences between how members type and how the speech is written: full-width letters and
/// digits, common traditional characters, Arabic numerals in structural references, letter case.
/// </summary>
public static class TextNormalizer
{
    // Traditional → simplified for the characters members are likely to type about this speech and office life.
    private const string TraditionalSimplifiedPairs =
        "黨党會会員员組组織织書书記记習习義义國国導导設设團团體体學学個个們们麼么與与這这說说話话講讲關关係系發发區区點点條条" +
        "歷历傳传統统幹干產产業业實实踐践務务風风紀纪監监責责層层級级長长權权職职質质創创優优規规範范標标準准勵励懷怀溫温熱热" +
        "線线紅红資资課课靈灵婦妇聯联開开門门見见現现進进戰战動动頭头問问題题種种樣样嗎吗為为時时間间廣广場场機机構构財财費费" +
        "錢钱將将來来對对應应當当經经濟济議议論论認认識识讓让變变邊边決决項项處处辦办報报選选舉举氣气華华惡恶愛爱強强斷断續续" +
        "驗验環环錯错誤误護护維维確确兩两鬥斗勝胜遺遗寶宝潔洁幫帮給给還还過过後后從从興兴萬万億亿號号親亲壓压紮扎礎础視视聽听" +
        "讀读寫写語语據据執执樂乐專专極极積积參参備备態态總总結结屆届陣阵營营禮礼節节雙双崗岗廠厂飯饭請请獎奖懲惩罰罚勞劳貫贯" +
        "徹彻覺觉則则鑒鉴訓训練练調调査查審审評评詢询議议幣币稅税標标誌志圍围繞绕軍军協协會会陳陈衛卫離离難难歡欢頁页筆笔" +
        "鐘钟麵面腦脑員员樓楼層层盡尽貢贡獻献責责賽赛隊队維维務务憲宪類类淨净壞坏雖虽雜杂級级細细緊紧縣县鄉乡鎮镇為为";

    private static readonly Dictionary<char, char> s_simplified = BuildMap();

    private static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < TraditionalSimplifiedPairs.Length; i += 2)
        {
            map[TraditionalSimplifiedPairs[i]] = TraditionalSimplifiedPairs[i + 1];
        }

        return map;
    }

    /// <summary>Normalises one character: full-width ASCII to half-width, traditional to simplified, lower case.</summary>
    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
        else if (c == '\u3000') c = ' ';
        if (c < 0x80) return char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        if (s_simplified.TryGetValue(c, out var simplified)) c = simplified;
        // Chinese has no case: only letters below the CJK blocks need the (slower) Unicode case mapping.
        return c < 0x2E80 ? char.ToLowerInvariant(c) : c;
    }

    /// <summary>Normalises a whole string character by character (length is preserved).</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(Fold(c));
        return builder.ToString();
    }

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Chinese numerals one to ten, the way the speech numbers its parts and points.</summary>
    public static readonly string ChineseDigits = "一二三四五六七八九十";

    /// <summary>1 → 一 … 10 → 十; other values as Arabic digits.</summary>
    public static string ChineseNumber(int value) => value is >= 1 and <= 10 ? ChineseDigits[value - 1].ToString() : value.ToString();

    /// <summary>Reads 一…十 or 1…10; 0 when it is neither.</summary>
    public static int ParseNumber(string text)
    {
        if (text.Length == 1 && ChineseDigits.IndexOf(text[0]) is var i and >= 0) return i + 1;
        if (text == "两") return 2;
        return int.TryParse(text, out var n) ? n : 0;
    }
}
