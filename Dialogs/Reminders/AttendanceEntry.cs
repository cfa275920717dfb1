namespace OrganBot.Dialogs.Reminders;

/// <summary>Where one expected member stands for one occurrence.</summary>
public enum AttendanceStatus { Attending, OnLeave, NoAnswer, NotDelivered }

/// <summary>One expected member of one occurrence (<see cref="AttendanceReport.EntriesAsync"/>).</summary>
public sealed record AttendanceEntry(string MemberId, string Name, AttendanceStatus Status);
