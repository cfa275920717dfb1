namespace OrganBot.Bot.Downloads;

/// <summary>A CSV ready to send, with the number of rows for the log.</summary>
internal sealed record DownloadFile(byte[] Content, string FileName, int Rows);
