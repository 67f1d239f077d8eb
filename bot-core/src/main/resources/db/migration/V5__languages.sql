-- The language an edit's messages are in (en, zh), and a server's chosen language (admin language set).
ALTER TABLE edits ADD COLUMN language VARCHAR(8);
ALTER TABLE server_policies ADD COLUMN language VARCHAR(8);
