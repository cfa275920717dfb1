namespace OrganBot.Cards.Reminders;

/// <summary>A 请假 as the card shows it: only recorded (no approvers), or waiting for / decided by the approvers.</summary>
public enum LeaveStatus { None, Recorded, Pending, Approved, Rejected }
