# The platform image: the sync server, the operator commands (migrate, backup, restore, verify)
# and both built PWAs, all from one workspace install. The server runs its TypeScript with tsx,
# as `npm start` does. Secrets are never baked in: they come from the environment at run time.
FROM node:20-bookworm-slim

# better-sqlite3 compiles from source where no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

# Not root: the app never needs to write outside its own folder.
RUN mkdir /app && chown node:node /app
WORKDIR /app
USER node

# Manifests first, so the dependency layer is rebuilt only when they change.
COPY --chown=node:node package.json package-lock.json ./
COPY --chown=node:node schema/package.json schema/
COPY --chown=node:node sync-server/package.json sync-server/
COPY --chown=node:node migrations/package.json migrations/
COPY --chown=node:node client-sync/package.json client-sync/
COPY --chown=node:node client-shop/package.json client-shop/
COPY --chown=node:node client-admin/package.json client-admin/
# Development dependencies included: tsx runs the server, vite builds the shop.
RUN npm ci --no-audit --no-fund

COPY --chown=node:node . .
RUN npm run build:shop && npm run build:admin && mkdir -p backups

ENV NODE_ENV=production
EXPOSE 4000 5173 5174
CMD ["node_modules/.bin/tsx", "sync-server/src/main.ts"]
