using OrganBot.Bot.Knowledge;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Tests.Knowledge;

/// <summary>The dictionaries are filtered to the speech, and they reach it from members' words and from English.</summary>
public sealed class LexiconTests
{
    private static KnowledgeBase Knowledge => KnowledgeFixture.Knowledge;

    private static string Resource(string name)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("OrganBot.Dialogs.Knowledge." + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public void Resources_EveryTargetWord_OccursInTheSpeech()
    {
        var speech = KnowledgeFixture.Speech;
        var synonymTerms = Resource("synonyms.txt").Split('\n').Where(l => l.Contains(" = ", StringComparison.Ordinal) && !l.StartsWith('#')).Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]);
        var englishTargets = Resource("cedict-en.txt").Split('\n').Where(l => l.Contains('\t', StringComparison.Ordinal) && !l.StartsWith('#')).SelectMany(l => l[(l.IndexOf('\t', StringComparison.Ordinal) + 1)..].Split('|'));

        Assert.DoesNotContain(synonymTerms, t => !speech.Contains(t, StringComparison.Ordinal));
        Assert.DoesNotContain(englishTargets, t => !speech.Contains(t.Trim(), StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, Lexicon.JiebaFolder, "dict.txt")), "jieba's filtered dictionary is copied to the output");
        // The engine cuts with hmm: false only, so jieba's start-up read of its HMM tables gets the emptied emissions.
        Assert.Equal(LexiconGenerator.EmptyEmissions, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, Lexicon.JiebaFolder, "prob_emit.json")));
        Assert.Contains("CC BY-SA", Resource("cedict-en.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SynonymOfASpeechWord_ReachesTheSpeechWordAtReducedWeight()
    {
        // 关切 is not in the speech; 同义词词林 lists it with 关心, which is.
        var query = Knowledge.Index.Analyzer.Analyze("组织上关切党员干部吗");

        var weight = query.Terms[SpeechIndex.WordPrefix + "关心"];

        Assert.InRange(weight, 0.01, QueryAnalyzer.SynonymWeight);
        Assert.Equal(1.0, query.Terms[SpeechIndex.WordPrefix + "党员干部"]);
    }

    [Fact]
    public void Analyze_EnglishWordsOutsideTheThesaurus_GoThroughCcCedict()
    {
        var english = Knowledge.Index.Analyzer.Analyze("What does the speech say about the soul?");
        var mixed = Knowledge.Index.Analyzer.Analyze("群团组织的soul是什么");

        Assert.Contains("灵魂", english.MatchedTerms);
        Assert.Contains("灵魂", mixed.MatchedTerms);
        Assert.Contains("政治性则是群团组织的灵魂", Knowledge.Ask("群团组织的soul是什么").Citations[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_UnrelatedQuestion_IsRefusedWithoutNearbyParts()
    {
        var answer = Knowledge.Ask("明天天气怎么样");

        Assert.False(answer.Covered);
        Assert.Empty(answer.RelatedParts);
    }

    [Fact]
    public void Learn_LinkedQuestion_AnswersItAndAParaphraseFromThatSentence()
    {
        var knowledge = KnowledgeLoader.Load();
        var target = knowledge.Document.Sentences.First(s => s.Text.Contains("努力形成共抓党建的强大合力", StringComparison.Ordinal));
        Assert.False(knowledge.Ask("心往一处想劲往一处使").Covered);

        knowledge.Learn("心往一处想劲往一处使", [target.Id]);

        Assert.Equal(target.Id, knowledge.Ask("心往一处想劲往一处使").Citations[0].Sentence.Id);
        Assert.Equal(target.Id, knowledge.Ask("大家得心往一处想、劲往一处使").Citations[0].Sentence.Id);
    }
}
