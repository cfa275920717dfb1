namespace OrganBot.Dialogs.Reminders;

/// <summary>A passage of the speech an event implements, quoted verbatim on the reminder card.</summary>
public sealed record SpeechLink(string Id, string LabelChinese, string LabelEnglish, string Quote);

/// <summary>
/// The speech passages an event can link to. Each quote is copied character for character from seeds/speech.txt
/// (a test checks that), because political formulations are never reworded.
/// </summary>
public static class SpeechLinks
{
    public static IReadOnlyList<SpeechLink> All { get; } =
    [
        new("theme-party-day",
            "第二部分（坚持思想引领）· 二是",
            "Part 2 (Ideological guidance) · Point 2",
            "要充分运用红色资源，结合机关党委“党性提升”专题培训，以及各支部“主题党日”活动，教育引导党员干部上好“沉浸式党课”，从党百年奋斗中感悟信仰的力量。"),
        new("theory-study",
            "第二部分（坚持思想引领）· 一是",
            "Part 2 (Ideological guidance) · Point 1",
            "要始终把深入学习贯彻习近平总书记重要思想，作为党员教育管理的“第一课题”，不断健全各项常态化学习机制、完善机关目标考核评估，推动机关党员干部切实增强应对复杂环境的政治鉴别力、面对错误思潮的理论斗争力、推动重点工作的思想保障力，真正做到理论上清醒、思想上明白、政治上过硬。"),
    ];

    public static SpeechLink? Find(string? id) => string.IsNullOrEmpty(id) ? null : All.FirstOrDefault(l => l.Id == id);
}
