using OrganBot.Bot.Storage;

namespace OrganBot.Tests.Storage;

/// <summary>
/// The replay marks a single SQLite process keeps in memory: it decides at once while it remembers everything, and
/// hands the decision to the database when it may have forgotten the first delivery.
/// </summary>
public sealed class LocalMarksTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewActivity_TakenOnce_RedeliveryRefused_AndQueuedForTheDatabaseOnce()
    {
        var marks = new LocalMarks();

        Assert.True(marks.TryMark("a:1", "m1", Now, Now));
        Assert.False(marks.TryMark("a:1", "m1", Now, Now.AddSeconds(5)));
        Assert.True(marks.TryMark("a:2", "m1", Now, Now)); // the same id in another conversation is another activity

        var unsaved = marks.TakeUnsaved();
        Assert.Equal([("a:1", "m1"), ("a:2", "m1")], unsaved.Select(m => (m.ConversationId, m.ActivityId)));
        Assert.Empty(marks.TakeUnsaved());
    }

    [Fact]
    public void IdsThatRunTogether_AreDifferentKeys()
    {
        var marks = new LocalMarks();

        Assert.True(marks.TryMark("a:1", "23", null, Now));
        Assert.True(marks.TryMark("a:12", "3", null, Now));
    }

    [Fact]
    public void AfterForgetting_OnlyActivitiesSentSinceAreDecidedInMemory()
    {
        var marks = new LocalMarks(generationSize: 2);
        // Four marks over two generations of two: the first generation is dropped when the third fills.
        for (var i = 0; i < 5; i++) Assert.True(marks.TryMark("a:1", $"m{i}", Now.AddMinutes(i), Now.AddMinutes(i)));

        // m0 and m1 were forgotten (the newest of them marked at Now+1 min): the database decides their redelivery,
        // and anything else sent before then too, or sent without a timestamp.
        Assert.Null(marks.TryMark("a:1", "m0", Now, Now.AddMinutes(6)));
        Assert.Null(marks.TryMark("a:1", "old", Now.AddMinutes(1), Now.AddMinutes(6)));
        Assert.Null(marks.TryMark("a:1", "no-timestamp", null, Now.AddMinutes(6)));
        // Still remembered, or sent after the newest forgotten mark (with the clock skew to spare): memory decides.
        Assert.False(marks.TryMark("a:1", "m4", Now.AddMinutes(4), Now.AddMinutes(6)));
        Assert.True(marks.TryMark("a:1", "fresh", Now.AddMinutes(1) + LocalMarks.ClockSkew + TimeSpan.FromSeconds(1), Now.AddMinutes(6)));
    }

    [Fact]
    public void ForgottenTurn_IsTakenAgain_AndNotWrittenBehind()
    {
        var marks = new LocalMarks();
        Assert.True(marks.TryMark("a:1", "m1", Now, Now));

        marks.Forget("a:1", "m1");

        Assert.Empty(marks.TakeUnsaved());
        Assert.True(marks.TryMark("a:1", "m1", Now, Now));
    }

    [Fact]
    public void FailedWrite_PutsTheMarksBackAheadOfNewerOnes()
    {
        var marks = new LocalMarks();
        marks.TryMark("a:1", "m1", Now, Now);
        var failed = marks.TakeUnsaved();
        marks.TryMark("a:1", "m2", Now, Now);

        marks.ReturnUnsaved(failed);

        Assert.Equal(["m1", "m2"], marks.TakeUnsaved().Select(m => m.ActivityId));
    }

    [Fact]
    public void LoadedAtStartUp_RedeliveryOfThePreviousProcessesActivityRefused()
    {
        var marks = new LocalMarks();
        marks.Remember("a:1", "m1", Now);

        Assert.False(marks.TryMark("a:1", "m1", Now, Now.AddSeconds(30)));
        Assert.Empty(marks.TakeUnsaved()); // already in the database
    }
}
