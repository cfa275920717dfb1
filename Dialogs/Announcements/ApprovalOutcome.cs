namespace OrganBot.Dialogs.Announcements;

/// <summary>What <see cref="AnnouncementService.SubmitForApprovalAsync"/> did.</summary>
public enum ApprovalOutcome { Requested, NoApprover, AlreadyMoved }
