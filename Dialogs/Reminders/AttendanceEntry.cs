namespace OrganBot.Dialogs.Reminders;

/// <summary>
/// Where one expected member stands for one occurrence, as 出勤统计 counts it: leave is split by approval only for events
/// with approvers (<see cref="OnLeave"/> is a leave awaiting approval, or any leave of an event without approvers), and no
/// answer is 缺席 (<see cref="Absent"/>) once an event with approvers has started.
/// </summary>
public enum AttendanceStatus { Attending, OnLeave, LeaveApproved, LeaveRejected, Absent, NoAnswer, NotDelivered }

/// <summary>One expected member of one occurrence (<see cref="AttendanceReport.EntriesAsync"/>).</summary>
public sealed record AttendanceEntry(string MemberId, string Name, AttendanceStatus Status);
