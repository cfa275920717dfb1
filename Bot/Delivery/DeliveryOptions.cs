using System.ComponentModel.DataAnnotations;

namespace OrganBot.Bot.Delivery;

/// <summary>
/// The outbound delivery pipeline (<c>Delivery:*</c>). Defaults follow docs/protocol.md §5: Teams allows about 50 requests
/// per second per app and tenant and 7 per second per conversation; we stay at 30 per tenant like Company Communicator
/// (every proactive call is paced and instances share the budget, so 50 provokes no 429 of the bot's own either).
/// </summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>False switches the worker off in this process (rows still queue; another instance sends them).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>
    /// How often an idle worker looks for due rows. Enqueueing wakes it at once: in this process directly, and on
    /// PostgreSQL every instance through <c>LISTEN/NOTIFY</c>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often each worker writes its heartbeat; an instance silent for five intervals no longer counts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Connector calls per second per tenant for the whole bot: every proactive call goes through the pipeline, and live
    /// instances split it between them (each takes rate/N, N counted from heartbeats), so this can be Teams' own 50.
    /// </summary>
    [Range(0.1, 100_000)]
    public double TenantRatePerSecond { get; set; } = 30;

    /// <summary>Per-conversation windows "count per seconds", all enforced (Teams' per-bot-per-thread send limits).</summary>
    public List<string> ConversationLimits { get; set; } = ["7/1", "8/2", "60/30", "1800/3600"];

    /// <summary>
    /// The tenant limit is kept over every window of one second plus this margin, so jitter between our release of a call
    /// and its arrival at Teams cannot squeeze one call too many into Teams' one-second window. Costs margin/(1 s + margin)
    /// of the rate (2.4% at the default). Each 429 widens it by 25 ms for a while.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan PacerSafetyMargin { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Teams counts a call when it arrives, somewhere between our release and its answer. A released call counts against the
    /// tenant window until one window after its answer, or after release + this allowance if the answer takes longer (a hung
    /// call). Calls on the wire longer than this before they arrive are not covered; answered calls always are.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan InFlightAllowance { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Added to each per-conversation window. Larger than the tenant margin: a slow first call (connection set-up) must not let the next ones bunch up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan ConversationSafetyMargin { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Sends in flight at once (waiting for the pacer or the connector).</summary>
    [Range(1, 10_000)]
    public int MaxInFlight { get; set; } = 64;

    /// <summary>Attempts before a transient failure (412, 5xx, timeout) becomes permanent.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Attempts, including throttled ones (429), after which a row is given up.</summary>
    [Range(1, 1000)]
    public int MaxThrottledAttempts { get; set; } = 30;

    /// <summary>First retry delay; doubles per attempt with full jitter, capped by <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait after a 429 that carries no Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One connector call longer than this is a timeout (retried).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most "sent" outcomes stored in one transaction.</summary>
    [Range(1, 10_000)]
    public int CompletionBatchSize { get; set; } = 128;

    /// <summary>
    /// How long the first "sent" outcome of a batch waits for company before the batch is stored. Outcomes that pile up
    /// while a flush runs go in the next one anyway; this only adds batching when the database is fast.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan CompletionFlushInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Finished Update and Delete rows (progress-card refreshes, edits, recalls) are deleted this long after they finish;
    /// Send rows are kept (they are the record of who got what, with their read receipts).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan FinishedUpdateRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A claimed row belongs to its worker this long. A row still "Sending" after its lease (its process died) is claimed
    /// again: that is the in-flight window of at-most-once delivery.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
}
