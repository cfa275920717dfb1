using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrganBot.Cards;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

/// <summary>
/// Command line over the same engine the bot uses: <c>ask "问题"</c>, <c>ask --jsonl</c> (stdin → stdout, one JSON
/// object per line), <c>eval [dev.jsonl]</c> and <c>bench-qa</c>. Nothing but results goes to stdout.
/// </summary>
internal static class KnowledgeCli
{
    public static readonly string[] Commands = ["ask", "eval", "bench-qa", "qa-resources", "tune-qa"];

    private static readonly JsonSerializerOptions s_json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static bool Handles(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args is ["qa-resources", ..])
        {
            // Run from the repository (dotnet run starts in Bot/): writes Dialogs/Knowledge/Resources.
            var resources = args.Length > 1 ? args[1] : LexiconGenerator.DefaultJiebaResources();
            var target = Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "..", "Dialogs", "Knowledge", "Resources"));
            await output.WriteAsync(LexiconGenerator.Generate(resources, await File.ReadAllTextAsync(KnowledgeLoader.ResolvePath("seeds/speech.txt")), target));
            return 0;
        }

        KnowledgeBase knowledge;
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var loading = Stopwatch.StartNew();
        try
        {
            knowledge = KnowledgeLoader.Load();
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"Cannot read the speech: {ex.Message}");
            return 2;
        }

        // For tuning: other ranking weights for this run (`--weights ProximityWeight=2,…`, the names tune-qa prints).
        if (Array.IndexOf(args, "--weights") is var w and >= 0 && w + 1 < args.Length)
        {
            knowledge.Index.Weights = RankingTuner.Parse(args[w + 1]);
            args = [.. args[..w], .. args[(w + 2)..]];
        }

        switch (args)
        {
            case ["ask", "--jsonl", ..]:
                while (await input.ReadLineAsync() is { } line)
                {
                    if (line.Trim().Length == 0) continue;
                    await output.WriteLineAsync(JsonLine(knowledge, line.Trim()));
                    await output.FlushAsync();
                }

                return 0;
            case ["ask", "--explain", var explained, ..]:
                await output.WriteAsync(Explain(knowledge, explained));
                return 0;
            case ["ask", var question, ..]:
                await output.WriteLineAsync(Readable(knowledge.Ask(question)));
                return 0;
            case ["eval", ..]:
                var path = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
                if (path is null)
                {
                    if (EvaluationDirectory() is not { } directory)
                    {
                        await error.WriteLineAsync("Evaluation sets not found: no tests/OrganBot.Tests/Knowledge/Data above " + Directory.GetCurrentDirectory());
                        return 2;
                    }

                    await output.WriteAsync(EvaluationTable(knowledge, directory));
                    return 0;
                }

                if (!File.Exists(path))
                {
                    await error.WriteLineAsync($"Evaluation set not found: {path}");
                    return 2;
                }

                var report = KnowledgeEvaluator.Evaluate(knowledge, KnowledgeEvaluator.ReadJsonl(await File.ReadAllTextAsync(path)));
                await output.WriteAsync(EvaluationText(report));
                await output.WriteAsync(TradeOffText(report));
                if (args.Contains("--verbose")) await output.WriteAsync(VerboseText(report));
                return 0;
            case ["tune-qa", ..]:
                if (EvaluationDirectory() is not { } tuningDirectory)
                {
                    await error.WriteLineAsync("Evaluation sets not found: no tests/OrganBot.Tests/Knowledge/Data above " + Directory.GetCurrentDirectory());
                    return 2;
                }

                await output.WriteAsync(args is [_, "--try", var spec, ..]
                    ? RankingTuner.Compare(knowledge, tuningDirectory, RankingTuner.Parse(spec))
                    : RankingTuner.Run(knowledge, tuningDirectory));
                return 0;
            case ["bench-qa", ..]:
                var coldLoad = loading.Elapsed.TotalMilliseconds;
                var coldBytes = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
                await output.WriteAsync(Bench(coldLoad, coldBytes));
                return 0;
            default:
                await error.WriteLineAsync("Usage: ask \"问题\" | ask --jsonl | eval [path.jsonl] [--verbose] | tune-qa [--try Name=value,…] | bench-qa | qa-resources [jieba Resources folder]");
                return 1;
        }
    }

    /// <summary>The project's evaluation sets (tests/OrganBot.Tests/Knowledge/Data), looked for from the current directory upwards.</summary>
    internal static string? EvaluationDirectory()
    {
        var relative = Path.Combine("tests", "OrganBot.Tests", "Knowledge", "Data");
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(Path.Combine(candidate, DevSet))) return candidate;
        }

        return null;
    }

    public const string DevSet = "dev.jsonl";
    public const string TuningSet = "members-tuning.jsonl";

    /// <summary>Frozen: its numbers are reported, its misses are never printed (tuning reads the tuning split only).</summary>
    public const string TestSet = "members-test.jsonl";

    /// <summary>
    /// <c>eval</c> without a file: the issue's targets on the frozen test split, with the dev set and the tuning split
    /// beside them, then the refusal trade-off around the threshold and the tuning split's misses.
    /// </summary>
    private static string EvaluationTable(KnowledgeBase knowledge, string directory)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        (string Name, string File)[] files = [("test (frozen)", TestSet), ("dev", DevSet), ("tuning", TuningSet)];
        var sets = files
            .Select(s => (s.Name, Report: KnowledgeEvaluator.Evaluate(knowledge, KnowledgeEvaluator.ReadJsonl(File.ReadAllText(Path.Combine(directory, s.File)))))).ToList();
        var text = new StringBuilder();
        text.AppendLine(inv, $"{"",-34}{string.Concat(sets.Select(s => $"{s.Name,16}"))}");
        void Row(string label, Func<EvaluationReport, string> value) =>
            text.AppendLine(inv, $"{label,-34}{string.Concat(sets.Select(s => $"{value(s.Report),16}"))}");
        Row("answerable / not covered", r => $"{r.Count} / {r.UnanswerableCount}");
        Row("Recall@1 (target >= 0.85)", r => r.RecallAt1.ToString("F3", inv));
        Row("Recall@3 (target >= 0.95)", r => r.RecallAt3.ToString("F3", inv));
        Row("MRR", r => r.Mrr.ToString("F3", inv));
        Row("answerable refused (<= 0.03)", r => r.Refused.ToString("F3", inv));
        Row("not covered recognised (>= 0.90)", r => r.UnanswerableCount == 0 ? "-" : r.UnanswerableRecognised.ToString("F3", inv));
        Row("English Recall@3 (>= 0.80)", r => r.PerKind.TryGetValue("english", out var e) ? $"{e.RecallAt3:F3} ({e.Count})" : "-");
        foreach (var kind in sets.SelectMany(s => s.Report.PerKind.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            Row($"  {kind} R@1 / R@3", r => r.PerKind.TryGetValue(kind, out var k) ? $"{k.RecallAt1:F2} / {k.RecallAt3:F2}" : "-");
        }

        text.AppendLine(inv, $"Threshold (confidence >= {KnowledgeBase.MinConfidence:F2}), chosen on the tuning split:");
        text.Append(TradeOffText(sets[2].Report));
        text.AppendLine("Tuning split:");
        text.Append(MissesText(sets[2].Report));
        return text.ToString();
    }

    /// <summary>Answerable questions refused and not-covered ones recognised at thresholds around the chosen one.</summary>
    private static string TradeOffText(EvaluationReport report)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var text = new StringBuilder("  threshold  answerable refused  not covered recognised\n");
        for (var step = -3; step <= 3; step++)
        {
            var threshold = Math.Round(KnowledgeBase.MinConfidence + (step * 0.05), 2);
            var refused = report.Results.Count(r => r.Answer.Confidence < threshold) / (double)Math.Max(1, report.Results.Count);
            var recognised = report.Unanswerable.Count(r => r.Answer.Confidence < threshold) / (double)Math.Max(1, report.Unanswerable.Count);
            text.AppendLine(inv, $"  {threshold,9:F2}{(step == 0 ? "*" : " ")} {refused,18:F3}  {(report.Unanswerable.Count == 0 ? "-" : recognised.ToString("F3", inv)),22}");
        }

        return text.ToString();
    }

    /// <summary>One line of the <c>ask --jsonl</c> contract.</summary>
    public static string JsonLine(KnowledgeBase knowledge, string question)
    {
        var answer = knowledge.Ask(question);
        var line = new CliAnswer(
            question,
            answer.Covered,
            AnswerText(knowledge, answer),
            [.. answer.Citations.Take(KnowledgeBase.MaxCitations).Select(c => new CliCitation(c.Label, c.Text, c.Score))]);
        return JsonSerializer.Serialize(line, s_json);
    }

    private static string AnswerText(KnowledgeBase knowledge, KnowledgeAnswer answer) => answer.Covered
        ? answer.Text
        : answer.RelatedParts.Count > 0
            ? "讲话未涉及该问题。相关部分：" + string.Join("；", answer.RelatedParts.Select(p => knowledge.PartLabel(p, UiLanguage.Chinese)))
            : "讲话未涉及该问题。";

    /// <summary><c>ask --explain "问题"</c>: the question's weighted terms, its confidence and the ten best sentences, for tuning.</summary>
    private static string Explain(KnowledgeBase knowledge, string question)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var query = knowledge.Index.Analyzer.Analyze(question);
        var answer = knowledge.Ask(question);
        var text = new StringBuilder();
        text.AppendLine(inv, $"{answer.Kind} confidence {answer.Confidence:F2}, vocabulary {knowledge.Index.VocabularyShare(query):F2}, list {query.AsksForList}, part {query.PartReference}");
        text.AppendLine(string.Join(" ", query.WordPairs.Select(p => p.First + "+" + p.Second)) + (query.AsksWhatToDo ? " (asks what to do)" : ""));
        text.AppendLine(string.Join(" ", query.Terms.Where(t => t.Key.Length >= 2).OrderByDescending(t => t.Value).Select(t => string.Create(inv, $"{t.Key}:{t.Value:F2}"))));
        foreach (var result in knowledge.Index.Search(query).Take(10))
        {
            text.AppendLine(inv, $"  {result.Score,6:F1} cov {knowledge.Index.TermCoverage(result.Sentence.Index, query):F2} {result.Sentence.Id} {result.Sentence.Text[..Math.Min(60, result.Sentence.Text.Length)]}");
        }

        return text.ToString();
    }

    private static string Readable(KnowledgeAnswer answer)
    {
        var text = new StringBuilder();
        text.AppendLine(answer.Covered ? "答：" : "讲话未涉及。");
        if (answer.Covered) text.AppendLine(answer.Text);
        if (answer.Citations.Count > 0) text.AppendLine().AppendLine("出处：");
        for (var i = 0; i < answer.Citations.Count; i++)
        {
            var c = answer.Citations[i];
            text.Append('[').Append(i + 1).Append("] ").Append(c.Label).Append('（').Append(c.Score.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)).AppendLine("）");
            text.Append("    “").Append(c.Text).AppendLine("”");
        }

        foreach (var part in answer.RelatedParts) text.Append("相关部分：").AppendLine(part.Heading);
        return text.ToString();
    }

    private static string EvaluationText(EvaluationReport report)
    {
        var text = new StringBuilder();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Questions: {report.Count}");
        text.AppendLine(inv, $"Recall@1: {report.RecallAt1:F3}");
        text.AppendLine(inv, $"Recall@3: {report.RecallAt3:F3}");
        text.AppendLine(inv, $"MRR:      {report.Mrr:F3}");
        text.AppendLine(inv, $"Refused (answerable questions answered 讲话未涉及): {report.Refused:F3}");
        if (report.UnanswerableCount > 0)
        {
            text.AppendLine(inv, $"Unanswerable recognised (讲话未涉及): {report.UnanswerableRecognised:F3} of {report.UnanswerableCount}");
        }

        text.AppendLine("Per kind:");
        foreach (var (kind, (count, r1, r3, mrr)) in report.PerKind)
        {
            text.AppendLine(inv, $"  {kind,-11} n={count,-3} R@1={r1:F2} R@3={r3:F2} MRR={mrr:F2}");
        }

        text.Append(MissesText(report));
        return text.ToString();
    }

    /// <summary>Answerable questions not ranked first and not-covered questions answered, with their confidence.</summary>
    private static string MissesText(EvaluationReport report)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var misses = report.Results.Where(r => r.Rank != 1).ToList();
        if (misses.Count > 0) text.AppendLine("Not first:");
        foreach (var (question, rank, answer) in misses)
        {
            text.AppendLine(inv, $"  {question.Id} rank={(rank == 0 ? "-" : rank.ToString(inv))}{(answer.Covered ? "" : " (refused)")} {question.Question} {Signals(answer)}");
        }

        if (report.UnanswerableAnswered.Count > 0) text.AppendLine("Unanswerable but answered:");
        foreach (var (question, answer) in report.UnanswerableAnswered)
        {
            text.AppendLine(inv, $"  {question.Id} {question.Question} → {answer.Citations[0].Label} {Signals(answer)}");
        }
        return text.ToString();
    }

    /// <summary>Every question with its rank and not-covered signals (<c>eval --verbose</c>), for tuning.</summary>
    private static string VerboseText(EvaluationReport report)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var text = new StringBuilder("All questions:\n");
        foreach (var (question, rank, answer) in report.Results)
        {
            text.AppendLine(inv, $"  {question.Id} {question.Kind,-10} rank={rank} covered={answer.Covered} {Signals(answer)} {question.Question}");
        }

        foreach (var (question, answer) in report.Unanswerable)
        {
            text.AppendLine(inv, $"  {question.Id} {question.Kind,-10} covered={answer.Covered} {Signals(answer)} {question.Question}");
        }

        return text.ToString();
    }

    /// <summary>The not-covered signals of an answer: [query coverage, best score, coverage of the best sentence].</summary>
    private static string Signals(KnowledgeAnswer answer) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"[confidence {answer.Confidence:F2}, top {answer.Signals.TopScore:F1}, query coverage {answer.Signals.QueryCoverage:F2}]");

    /// <summary>Index build time, query latency p50/p99 over the dev-style questions, memory.</summary>
    internal static string Bench(double coldLoadMilliseconds, long coldLoadBytes)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var speech = File.ReadAllText(KnowledgeLoader.ResolvePath("seeds/speech.txt"));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        var lexicon = Lexicon.Load(AppContext.BaseDirectory);
        var lexiconLoad = stopwatch.Elapsed.TotalMilliseconds;
        var lexiconBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        stopwatch.Restart();
        var knowledge = KnowledgeBase.Load(speech, lexicon);
        var firstBuild = stopwatch.Elapsed.TotalMilliseconds;
        var indexBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(knowledge);

        var builds = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            stopwatch.Restart();
            _ = KnowledgeBase.Load(speech, lexicon);
            builds.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        string[] questions =
        [
            "主题党日要怎么搞", "支部建设有什么要求", "群团组织的灵魂是什么", "What does the speech say about the warm-heart project?",
            "这五点意见分别是什么", "党费交多少", "牛鼻子", "管党治党的责任要怎么一层层落实下去", "How do I apply for annual leave?", "第四部分讲了哪几点",
        ];
        // Warm up so tiered JIT has optimised the hot paths, as in a running bot.
        for (var round = 0; round < 500; round++)
        {
            foreach (var q in questions) knowledge.Ask(q);
        }

        var latencies = new List<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var round = 0; round < 1000; round++)
        {
            foreach (var q in questions)
            {
                var start = Stopwatch.GetTimestamp();
                knowledge.Ask(q);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / latencies.Count;

        // The Q&A part of a bot turn without the network: answer, answer card, outbound activity JSON as sent.
        var presenter = new AnswerPresenter(knowledge);
        var inbound = new Protocol.Activity
        {
            Type = "message", Id = "1", ServiceUrl = "http://127.0.0.1/", Conversation = new Protocol.ConversationAccount { Id = "a:bench" },
            From = new Protocol.ChannelAccount { Id = "29:member" }, Recipient = new Protocol.ChannelAccount { Id = "28:bot" },
        };
        long bytes = 0;
        double TurnOnce(string q)
        {
            var start = Stopwatch.GetTimestamp();
            var answer = knowledge.Ask(q);
            var card = presenter.AnswerCard(answer, UiLanguage.Chinese);
            var activity = Turns.ActivityMapper.ToActivity(Dialogs.Conversation.OutgoingMessage.FromCard(card), inbound);
            bytes += System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(activity, Protocol.BotJson.WireContext.Activity).Length;
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        for (var round = 0; round < 300; round++)
        {
            foreach (var q in questions) TurnOnce(q);
        }

        bytes = 0;
        var turnLatencies = new List<double>();
        var turnCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var round = 0; round < 500; round++)
        {
            foreach (var q in questions) turnLatencies.Add(TurnOnce(q));
        }

        var turnCpu = (Process.GetCurrentProcess().TotalProcessorTime - turnCpuBefore).TotalMilliseconds / turnLatencies.Count;
        turnLatencies.Sort();
        latencies.Sort();
        builds.Sort();
        var text = new StringBuilder();
        text.AppendLine(inv, $"Sentences indexed: {knowledge.Document.Sentences.Count} in {knowledge.Document.Parts.Count - 1} parts");
        text.AppendLine(inv, $"Cold start of the engine (speech, jieba dictionary, 同义词词林, CC-CEDICT, index): {coldLoadMilliseconds:F1} ms (dictionaries target < 300 ms), managed memory {coldLoadBytes / 1024.0 / 1024.0:F1} MiB (target < 50 MB)");
        text.AppendLine(inv, $"Dictionaries reloaded (jieba already in memory): {lexiconLoad:F1} ms, {lexiconBytes / 1024.0:F0} KiB");
        text.AppendLine(inv, $"Index build (first, cold): {firstBuild:F2} ms; warm median: {builds[builds.Count / 2]:F2} ms");
        text.AppendLine(inv, $"Query latency over {latencies.Count} queries: p50 {Percentile(latencies, 0.50):F3} ms, p99 {Percentile(latencies, 0.99):F3} ms, max {latencies[^1]:F3} ms");
        text.AppendLine(inv, $"CPU time per query (mean, unaffected by other processes' load): {cpuPerQuery:F3} ms; load average now: {LoadAverage()}");
        text.AppendLine(inv, $"Q&A turn without the network (answer + card + activity JSON) over {turnLatencies.Count}: p50 {Percentile(turnLatencies, 0.50):F3} ms, p99 {Percentile(turnLatencies, 0.99):F3} ms, CPU {turnCpu:F3} ms, {bytes / turnLatencies.Count} bytes per reply");
        text.AppendLine(inv, $"Managed memory of the index: {indexBytes / 1024.0:F0} KiB; process working set: {Environment.WorkingSet / 1024.0 / 1024.0:F0} MiB");
        return text.ToString();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private sealed record CliAnswer(
        [property: JsonPropertyName("question")] string Question,
        [property: JsonPropertyName("covered")] bool Covered,
        [property: JsonPropertyName("answer")] string Answer,
        [property: JsonPropertyName("citations")] IReadOnlyList<CliCitation> Citations);

    private sealed record CliCitation(
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("score")] double Score);
}
