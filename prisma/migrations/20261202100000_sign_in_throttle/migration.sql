-- Sign-in throttling counts failures per email and address pair (docs/decisions/0007-sign-in-throttling.md):
-- an email under attack can have many rows in the window, so the pair's newest attempts are read by index.
-- CreateIndex
CREATE INDEX "login_attempt_email_ip_at_idx" ON "login_attempt"("email", "ip", "at");
