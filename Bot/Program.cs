using OrganBot.Bot.AdminConsole;
using OrganBot.Bot.Announcements;
using OrganBot.Bot.Audiences;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Cli;
using OrganBot.Bot.Configuration;
using OrganBot.Bot.Delivery;
using OrganBot.Bot.Downloads;
using OrganBot.Bot.Endpoints;
using OrganBot.Bot.Feedback;
using OrganBot.Bot.Hosting;
using OrganBot.Bot.Knowledge;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.ReadReceipts;
using OrganBot.Bot.Reminders;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs;

// Subcommands run instead of the web host: `ask`, `eval`, `bench-qa` (speech Q&A) and `package` (Teams app zip).
if (await CliCommands.TryRunAsync(args, Console.In, Console.Out, Console.Error) is { } exitCode) return exitCode;

var builder = WebApplication.CreateBuilder(args);
builder.AddBotHosting();    // listen address, JSON logs outside Development, OpenTelemetry, /healthz, start-up line
builder.AddBotProtocol();   // Activity JSON, connector client, turn processing
builder.AddBotAuth();       // inbound JWT validation, outbound tokens (dev mode without MicrosoftAppId)
builder.AddOfficeClock();   // the office's time zone, Bot:TimeZone (default Asia/Shanghai)
builder.AddBotStorage();    // EF Core: SQLite by default, PostgreSQL when configured
builder.AddDelivery();      // outbound delivery pipeline: outbox, pacer, worker (Delivery:*)
builder.AddDownloads();     // one-time admin download links for every export, Bot:PublicBaseUrl
builder.AddAudiences();     // who reminders and announcements go to (Audiences:Groups)
builder.AddKnowledge();     // speech Q&A: index from seeds/speech.txt, answer cards, votes, optional Azure OpenAI
builder.AddReminders();         // 主题党日 and other event reminders: Quartz, RSVP, 提醒管理
builder.AddFeedback();      // 暖心工程 feedback: dialogs, tickets, admin triage, CSV export
builder.AddAnnouncements(); // admin announcements: 发布公告 / 公告列表 / 导出发送结果 (Announcements:*)
builder.AddReadReceipts();  // read receipts, read counts, 未读提醒 follow-ups and reminder nudges
builder.AddConsole();       // 管理后台: the admins' web console (Teams tab with SSO, or a sign-in link), /console
builder.Services.AddDialogs();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapBotEndpoints();
app.MapBotHealth();
app.MapDownloads();          // GET /api/admin/downloads/{purpose}/{objectId}: 导出反馈, 导出台账, 导出发送结果
app.MapConsole();            // /console: pages, assets, sign-in by link, /console/api
await app.RunAsync();
return 0;
