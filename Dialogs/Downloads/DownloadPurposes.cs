namespace OrganBot.Dialogs.Downloads;

/// <summary>The exports an admin can download; each link is bound to exactly one of them.</summary>
public static class DownloadPurposes
{
    /// <summary>导出反馈: every ticket (object <see cref="Everything"/>).</summary>
    public const string Feedback = "feedback";

    /// <summary>导出台账: the attendance ledger of one occurrence (object = occurrence key).</summary>
    public const string AttendanceLedger = "attendance";

    /// <summary>成员台账: every member's (or one member's) attendance over a date range (object = member|from|to, see AttendanceReport).</summary>
    public const string MemberLedger = "member-ledger";

    /// <summary>导出发送结果: per-recipient results of one announcement (object = announcement id).</summary>
    public const string AnnouncementResults = "announcement-results";

    /// <summary>管理后台: a one-time sign-in to the admin console (object <see cref="ConsoleSession"/>); it opens no file.</summary>
    public const string ConsoleSignIn = "console";

    /// <summary>The object id of a console sign-in link.</summary>
    public const string ConsoleSession = "session";

    /// <summary>The object id of an export that covers everything (the feedback CSV).</summary>
    public const string Everything = "all";
}
