using Microsoft.Extensions.Options;

namespace OrganBot.Dialogs.Conversation;

/// <summary>
/// The office's time zone (<c>Bot:TimeZone</c>) next to the injected <see cref="TimeProvider"/>: the one place that says
/// what "local time" means for the bot. An event may still carry its own zone.
/// </summary>
public sealed class OfficeClock(TimeProvider time, IOptionsMonitor<OfficeOptions> options)
{
    public string ZoneId => options.CurrentValue.TimeZone;

    /// <summary>The zone; validated at start, so the Beijing fallback only covers a zone removed from the system since.</summary>
    public TimeZoneInfo Zone => TimeZones.Find(ZoneId) ?? TimeZones.BeijingZone;

    /// <summary>Now, in the office's zone.</summary>
    public DateTimeOffset Now => ToOffice(time.GetUtcNow());

    /// <summary>The same instant with the office's offset.</summary>
    public DateTimeOffset ToOffice(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The UTC instant of a wall-clock time in the office.</summary>
    public DateTimeOffset FromOffice(DateTime local) => TimeZones.ToUtc(local, Zone);
}
