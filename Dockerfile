# The platform image: the sync server, the operator commands (migrate, backup, restore, verify)
# and both PWAs with their static servers, compiled (`npm run build`) and run with plain node on
# production dependencies only. Three stages build it; the image is the last one. Secrets are
# never baked in: they come from the environment at run time.
#
#   docker build -t online-annavaram/platform .
#   docker run -e NODE_ENV=production -e JWT_PRIVATE_KEY=… -e DATABASE_URL=mongodb://… -p 4000:4000 online-annavaram/platform

# Stage 1 of 3, shared by the next two: a compiler for better-sqlite3 (its install downloads a
# prebuilt binary when one matches and can be fetched, and compiles from source otherwise) and the
# manifests, which are all npm ci reads.
FROM node:20-bookworm-slim AS install
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Manifests first, so the install layers are rebuilt only when they change. Every workspace's,
# or npm ci refuses the lock file.
COPY package.json package-lock.json ./
COPY schema/package.json schema/
COPY sync-server/package.json sync-server/
COPY migrations/package.json migrations/
COPY migrations/documents/package.json migrations/documents/
COPY client-sync/package.json client-sync/
COPY client-shop/package.json client-shop/
COPY client-admin/package.json client-admin/

# Stage 2: the build, with development dependencies (esbuild, tsx, vite): dist/server/ (the
# server, the commands and the apps' static servers, scripts/build-server.ts) and each app's dist/.
FROM install AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Stage 3: production dependencies only, installed where the compiler is (better-sqlite3's binary
# is built for this same base image), so the image needs none.
FROM install AS production-dependencies
RUN npm ci --omit=dev --no-audit --no-fund

# The image: the base, production node_modules, the compiled output. No compiler, no sources, no
# development dependencies.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app
# node_modules, the workspaces' manifests (node_modules/@oa/* link to them) and sync-server's own
# node_modules. Owned by root: the app runs as `node` and cannot change its own code.
COPY --from=production-dependencies /app ./
COPY --from=build /app/dist ./dist
COPY --from=build /app/client-shop/dist ./client-shop/dist
COPY --from=build /app/client-admin/dist ./client-admin/dist
# What the app writes: data/ (SQLite's default DATABASE_URL and DATA_DIR) and backups/ (BACKUP_DIR).
RUN mkdir data backups && chown node:node data backups
# Not root: node is the unprivileged user of the base image.
USER node

# The sync server (PORT), the admin app (ADMIN_PORT), the shop (SHOP_PORT). docker-compose.yml
# runs each from this image with its own command.
EXPOSE 4000 5173 5174
# node itself (the slim base has no curl): healthy when /health answers 2xx within 4 s. A service
# running an app's static server instead declares its own check (docker-compose.yml).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node as the container's first process, in exec form: `docker stop`'s SIGTERM reaches the
# server's own shutdown. The commands: `node dist/server/migrate.js`, backup.js, restore.js, verify.js.
CMD ["node", "dist/server/main.js"]
