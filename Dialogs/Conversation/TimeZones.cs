namespace OrganBot.Dialogs.Conversation;

/// <summary>IANA time zones (Teams sends IANA ids; .NET on Linux and Windows both resolve them).</summary>
public static class TimeZones
{
    public const string Beijing = "Asia/Shanghai";

    public static bool IsBeijing(string zoneId) =>
        zoneId is Beijing or "Asia/Chongqing" or "Asia/Harbin" or "PRC" or "China Standard Time";

    public static TimeZoneInfo? Find(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId)) return null;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zoneId.Trim());
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    public static TimeZoneInfo BeijingZone => Find(Beijing) ?? TimeZoneInfo.CreateCustomTimeZone(Beijing, TimeSpan.FromHours(8), Beijing, Beijing);

    /// <summary>UTC instant of a wall-clock time; a time skipped by a DST change moves forward by the gap.</summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    public static DateTime ToLocal(DateTimeOffset utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(utc.UtcDateTime, zone), DateTimeKind.Unspecified);
}
