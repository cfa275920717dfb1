using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.ReadReceipts;

namespace OrganBot.Bot.ReadReceipts;

internal static class ReadReceiptsExtensions
{
    /// <summary>
    /// Read receipts (the Teams event on /api/messages), read counts on announcement and reminder cards, 未读提醒
    /// follow-ups (<c>Announcements:MaxFollowUpsPerMember</c>, <c>:FollowUpAfter</c>) and reminder nudges (<c>Reminders:NudgeBefore</c>).
    /// </summary>
    public static IHostApplicationBuilder AddReadReceipts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ReadReceiptReceiver>();
        builder.Services.AddScoped<IReadTracking, EfReadTracking>();
        builder.Services.AddScoped<IFollowUpPlans, EfFollowUpPlans>();
        builder.Services.AddScoped<AnnouncementReadStatus>();
        builder.Services.AddScoped<AnnouncementFollowUp>();
        builder.Services.AddScoped<FollowUpScheduler>();
        builder.Services.AddScoped<ReminderNudger>();
        builder.Services.AddFeature<FollowUpFeature>(FollowUpDeclaration.Feature);
        builder.Services.AddHostedService<FollowUpWorker>();
        return builder;
    }
}
