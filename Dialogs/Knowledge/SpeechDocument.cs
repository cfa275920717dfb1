using System.Text.RegularExpressions;

namespace OrganBot.Dialogs.Knowledge;

/// <summary>
/// The speech parsed into its real structure: the opening, the numbered parts (一、…) with their headings, their
/// points (一方面/另一方面, 一是/二是/三是) and sentences. Every sentence keeps its text verbatim.
/// </summary>
public sealed partial class SpeechDocument
{
    private SpeechDocument(IReadOnlyList<SpeechPart> parts, IReadOnlyList<SpeechSentence> sentences)
    {
        Parts = parts;
        Sentences = sentences;
    }

    /// <summary>Index 0 is the opening; 1…n are the numbered parts.</summary>
    public IReadOnlyList<SpeechPart> Parts { get; }

    public IReadOnlyList<SpeechSentence> Sentences { get; }

    /// <summary>The numbered parts only.</summary>
    public IEnumerable<SpeechPart> NumberedParts => Parts.Where(p => p.Number > 0);

    public SpeechPart PartOf(SpeechSentence sentence) => Parts[sentence.Part];

    public SpeechPoint? PointOf(SpeechSentence sentence) =>
        sentence.Point > 0 ? Parts[sentence.Part].Points[sentence.Point - 1] : null;

    /// <summary>All sentences of a part, heading first.</summary>
    public IEnumerable<SpeechSentence> SentencesOf(SpeechPart part) =>
        Sentences.Skip(part.FirstSentence).Take(part.LastSentence - part.FirstSentence + 1);

    /// <summary>The 要/必须 sentences of a part: what the speech requires there.</summary>
    public IEnumerable<SpeechSentence> RequirementsOf(SpeechPart part) =>
        SentencesOf(part).Where(s => s.Kind != SentenceKind.PartHeading && s.IsRequirement);

    /// <summary>
    /// The requirements under one point (0: before the first point), without the point's own heading sentence
    /// (“一是必须压紧责任链条。” names the point; it is not one of its requirements).
    /// </summary>
    public IEnumerable<SpeechSentence> RequirementsUnder(SpeechPart part, int point) =>
        SentencesOf(part).Where(s => s.Point == point && s.Kind == SentenceKind.Body && s.IsRequirement);

    /// <summary>A point's heading as written, from its marker: “一是要提高站位强化政治引领。”.</summary>
    public string PointHeading(SpeechPoint point)
    {
        var text = Sentences[point.FirstSentence].Text;
        var at = text.IndexOf(point.Marker, StringComparison.Ordinal);
        return at < 0 ? text : text[at..];
    }

    [GeneratedRegex(@"^([一二三四五六七八九十]+)、(.+)$")]
    private static partial Regex PartHeadingPattern();

    [GeneratedRegex(@"(?:^|[，：])([一二三四五六七八九十])是")]
    private static partial Regex NumberedPointPattern();

    [GeneratedRegex(@"^(一方面|另一方面)")]
    private static partial Regex AspectPointPattern();

    public static SpeechDocument Parse(string text)
    {
        var parts = new List<SpeechPart>();
        var sentences = new List<SpeechSentence>();
        var partNumber = 0;
        var partHeading = "";
        var partStart = 0;
        var points = new List<SpeechPoint>();

        void ClosePart()
        {
            if (sentences.Count == partStart && partNumber == 0) return;
            ClosePoint();
            var body = PartHeadingPattern().Match(partHeading) is { Success: true } m ? m.Groups[2].Value : partHeading;
            var bodyComma = body.IndexOfAny(['，', ',']);
            parts.Add(new SpeechPart
            {
                Number = partNumber,
                Heading = partHeading,
                ShortTitle = bodyComma < 0 ? body : body[..bodyComma],
                Points = [.. points],
                FirstSentence = partStart,
                LastSentence = sentences.Count - 1,
            });
            points.Clear();
        }

        void ClosePoint()
        {
            if (points.Count == 0) return;
            var last = points[^1];
            points[^1] = last with { LastSentence = sentences.Count - 1 };
        }

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0) continue;
            if (PartHeadingPattern().Match(line) is { Success: true } heading)
            {
                ClosePart();
                partNumber = TextNormalizer.ParseNumber(heading.Groups[1].Value);
                partHeading = line;
                partStart = sentences.Count;
                sentences.Add(new SpeechSentence { Index = sentences.Count, Text = line, Kind = SentenceKind.PartHeading, Part = partNumber, Point = 0 });
                continue;
            }

            foreach (var sentence in SplitSentences(line))
            {
                var kind = SentenceKind.Body;
                var marker = NumberedPointPattern().Match(sentence) is { Success: true } numbered && numbered.Index < 20
                    ? numbered.Groups[1].Value + "是"
                    : AspectPointPattern().Match(sentence) is { Success: true } aspect ? aspect.Groups[1].Value : null;
                if (marker is not null)
                {
                    ClosePoint();
                    kind = SentenceKind.PointHeading;
                    points.Add(new SpeechPoint
                    {
                        Number = points.Count + 1,
                        Marker = marker,
                        Title = PointTitle(sentence, marker),
                        FirstSentence = sentences.Count,
                        LastSentence = sentences.Count,
                    });
                }

                sentences.Add(new SpeechSentence { Index = sentences.Count, Text = sentence, Kind = kind, Part = partNumber, Point = points.Count });
            }
        }

        ClosePart();
        return new SpeechDocument(parts, sentences);
    }

    /// <summary>“二是必须夯实基层基础。” → 夯实基层基础; long point sentences get no title.</summary>
    private static string PointTitle(string sentence, string marker)
    {
        var start = sentence.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var title = sentence[start..].TrimEnd('。', '；', '！');
        foreach (var lead in new[] { "必须", "要" })
        {
            if (title.StartsWith(lead, StringComparison.Ordinal)) title = title[lead.Length..];
        }

        return title.Length is > 0 and <= 24 && !title.Contains('，') ? title : "";
    }

    /// <summary>Splits a paragraph after 。！？； keeping closing quotes with their sentence.</summary>
    internal static IEnumerable<string> SplitSentences(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is not ('。' or '！' or '？' or '；')) continue;
            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '”' or '’' or '」' or '）') end++;
            var sentence = paragraph[start..end].Trim();
            if (sentence.Length > 0) yield return sentence;
            start = end;
            i = end - 1;
        }

        if (start < paragraph.Length && paragraph[start..].Trim() is { Length: > 0 } rest) yield return rest;
    }
}
