-- The origin of the platform's own pages, when it differs from its issuer and authorization
-- endpoint (a Canvas school domain behind the shared canvas.instructure.com issuer): the
-- Content-Security-Policy must let that origin frame the tool.
ALTER TABLE lti_registrations ADD COLUMN platform_origin text;
