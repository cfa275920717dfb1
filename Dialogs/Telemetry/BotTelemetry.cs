using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OrganBot.Dialogs.Telemetry;

/// <summary>
/// The bot's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named <c>OrganBot</c>, and every
/// instrument on them, so each layer records with one line and docs/operations.md has one list to describe.
/// BCL types only (System.Diagnostics): the Bot host wires them to OpenTelemetry. Recording costs next to nothing when
/// nobody listens, and tags travel in a <see cref="TagList"/> on the stack, so a turn allocates nothing for its metrics.
/// </summary>
public static class BotTelemetry
{
    public const string Name = "OrganBot";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Bucket bounds in seconds, from a fast turn to a slow connector call (the ASP.NET Core defaults).</summary>
    private static readonly double[] s_secondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>Lateness can be minutes (a bot that was down when a reminder was due), so its buckets reach further.</summary>
    private static readonly double[] s_latenessBuckets = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600];

    private static readonly Histogram<double> s_turnDuration = Meter.CreateHistogram(
        "organbot.turn.duration", "s", "Time to handle one activity from the channel, by activity kind and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_secondsBuckets });

    private static readonly Counter<long> s_answers = Meter.CreateCounter<long>(
        "organbot.answers", "{answer}", "Questions answered from the speech (covered) or recognised as not covered by it (refused).");

    private static readonly Counter<long> s_answerRatings = Meter.CreateCounter<long>(
        "organbot.answer.ratings", "{rating}", "👍 (up) and 👎 (down) presses on answer cards.");

    private static readonly Counter<long> s_deliverySent = Meter.CreateCounter<long>(
        "organbot.delivery.sent", "{message}", "Outbox rows the connector accepted (2xx).");

    private static readonly Counter<long> s_deliveryRetries = Meter.CreateCounter<long>(
        "organbot.delivery.retries", "{attempt}", "Outbox rows put back for another attempt, by reason (throttled = 429, transient = 5xx/408/412/timeout).");

    private static readonly Counter<long> s_deliveryThrottled = Meter.CreateCounter<long>(
        "organbot.delivery.throttled", "{response}", "429 answers from the connector: the bot sent faster than the channel allows.");

    private static readonly Counter<long> s_deliveryFailed = Meter.CreateCounter<long>(
        "organbot.delivery.failed", "{message}", "Outbox rows given up on (a permanent error, too many attempts, or expired), by HTTP status (0 = no answer).");

    private static readonly Histogram<double> s_reminderLateness = Meter.CreateHistogram(
        "organbot.reminder.lateness", "s", "How long after its scheduled time a reminder job ran.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_latenessBuckets });

    private static readonly Counter<long> s_dialogsStarted = Meter.CreateCounter<long>(
        "organbot.dialog.started", "{dialog}", "Multi-step dialogs started (feedback form, event set-up, announcement), by dialog.");

    private static readonly Counter<long> s_dialogsEnded = Meter.CreateCounter<long>(
        "organbot.dialog.ended", "{dialog}", "Multi-step dialogs ended, by dialog and outcome (completed, cancelled, expired).");

    private static readonly Counter<long> s_exportDownloads = Meter.CreateCounter<long>(
        "organbot.export.downloads", "{download}", "Admin CSV downloads served, by export.");

    private static long s_sentTotal;
    private static long s_queueDepth = -1;
    private static (long Sent, long Timestamp) s_lastRateSample = (0, Stopwatch.GetTimestamp());

    /// <summary>Rows waiting or being sent, last sampled by the host (observed only while a metrics reader listens).</summary>
    private static readonly ObservableGauge<long> s_queueDepthGauge = Meter.CreateObservableGauge(
        "organbot.delivery.queue_depth", ObserveQueueDepth, "{message}", "Outbox rows pending or being sent, across all instances.");

    private static readonly ObservableGauge<double> s_effectiveRate = Meter.CreateObservableGauge(
        "organbot.delivery.effective_rate", ObserveEffectiveRate, "{message}/s", "Messages this instance sent per second since the previous reading.");

    /// <summary>True while a metrics reader wants the queue depth; the host samples the database only then.</summary>
    public static bool QueueDepthWanted => s_queueDepthGauge.Enabled;

    /// <summary>Starts the span of one turn (null when no tracer listens).</summary>
    public static Activity? StartTurn(string? activityType) =>
        ActivitySource.StartActivity("organbot.turn")?.SetTag("organbot.turn.kind", TurnKind(activityType));

    /// <summary>Records a handled turn; a failed one also marks the current span (the turn's) as an error.</summary>
    public static void TurnHandled(string? activityType, bool failed, TimeSpan duration)
    {
        var tags = new TagList { { "organbot.turn.kind", TurnKind(activityType) }, { "organbot.turn.outcome", failed ? "error" : "ok" } };
        s_turnDuration.Record(duration.TotalSeconds, tags);
        if (failed) Activity.Current?.SetStatus(ActivityStatusCode.Error);
    }

    public static void AnswerGiven(bool covered) => s_answers.Add(1, new KeyValuePair<string, object?>("organbot.answer.outcome", covered ? "covered" : "refused"));

    public static void AnswerRated(bool helpful) => s_answerRatings.Add(1, new KeyValuePair<string, object?>("organbot.answer.rating", helpful ? "up" : "down"));

    public static void DeliverySent()
    {
        Interlocked.Increment(ref s_sentTotal);
        s_deliverySent.Add(1);
    }

    /// <param name="reason"><c>throttled</c> or <c>transient</c>.</param>
    public static void DeliveryRetried(string reason) => s_deliveryRetries.Add(1, new KeyValuePair<string, object?>("organbot.delivery.reason", reason));

    public static void DeliveryThrottled() => s_deliveryThrottled.Add(1);

    /// <param name="status">The connector's HTTP status, 0 for no answer; <c>expired</c> rows pass null.</param>
    public static void DeliveryFailed(int? status) =>
        s_deliveryFailed.Add(1, new KeyValuePair<string, object?>("error.type", status is { } code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "expired"));

    public static void DeliveryQueueSampled(long depth) => Interlocked.Exchange(ref s_queueDepth, depth);

    public static void ReminderRan(TimeSpan lateness) => s_reminderLateness.Record(Math.Max(0, lateness.TotalSeconds));

    public static void DialogStarted(string dialog) => s_dialogsStarted.Add(1, new KeyValuePair<string, object?>("organbot.dialog", dialog));

    /// <param name="outcome"><c>completed</c>, <c>cancelled</c> or <c>expired</c>.</param>
    public static void DialogEnded(string dialog, string outcome)
    {
        var tags = new TagList { { "organbot.dialog", dialog }, { "organbot.dialog.outcome", outcome } };
        s_dialogsEnded.Add(1, tags);
    }

    /// <param name="export"><c>feedback</c>, <c>attendance</c> or <c>announcement-results</c>.</param>
    public static void ExportDownloaded(string export) => s_exportDownloads.Add(1, new KeyValuePair<string, object?>("organbot.export", export));

    /// <summary>The activity type as a metric tag: the channel's known types, anything else as <c>other</c> (callers choose the type).</summary>
    private static string TurnKind(string? activityType) => activityType switch
    {
        "message" => "message",
        "invoke" => "invoke",
        "conversationUpdate" => "conversationUpdate",
        "installationUpdate" => "installationUpdate",
        "messageReaction" => "messageReaction",
        "messageUpdate" => "messageUpdate",
        "messageDelete" => "messageDelete",
        "event" => "event",
        _ => "other",
    };

    private static IEnumerable<Measurement<long>> ObserveQueueDepth()
    {
        var depth = Interlocked.Read(ref s_queueDepth);
        return depth < 0 ? [] : [new Measurement<long>(depth)];
    }

    /// <summary>Sends per second over the interval since the last reading: the export interval, 60 s by default.</summary>
    private static Measurement<double> ObserveEffectiveRate()
    {
        var sent = Interlocked.Read(ref s_sentTotal);
        var timestamp = Stopwatch.GetTimestamp();
        var last = s_lastRateSample;
        s_lastRateSample = (sent, timestamp);
        var seconds = Stopwatch.GetElapsedTime(last.Timestamp, timestamp).TotalSeconds;
        return new Measurement<double>(seconds > 0 ? (sent - last.Sent) / seconds : 0);
    }
}
