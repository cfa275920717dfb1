namespace OrganBot.Cards.Reminders;

/// <summary>
/// 出勤统计's reactions to the reminder among the members it reached: read (a read receipt arrived), answered 参加/请假,
/// and neither. Members with read receipts turned off who did not answer count as "no reaction".
/// </summary>
public sealed record ReactionsView(int Read, int Answered, int NoReaction);
