# syntax=docker/dockerfile:1
# The API with the SPA, as docker-compose.yml runs it:  docker build -t brand-automator-api .
# Three stages: the SPA (client/, when it exists) is built with Node, the API is published with the .NET SDK, and
# only the published output goes into the ASP.NET runtime image, which runs as a non-root user on port 8080.
# tests/WebApi.Tests/Deployment runs this file's dotnet commands on a copy of the build context, so CI builds
# exactly what the image builds.

FROM node:20-bookworm-slim AS client
WORKDIR /src
# client/ may not exist yet: its wildcards then match nothing, and global.json (always there) keeps COPY from
# failing on an empty match. Vite writes the built SPA to src/WebApi/wwwroot.
COPY global.json client/package.json* client/package-lock.json* ./client/
RUN if [ -f client/package.json ]; then cd client && npm ci --no-audit --no-fund; fi
COPY global.json client* ./client/
RUN mkdir -p src/WebApi/wwwroot && if [ -f client/package.json ]; then cd client && npm run build; fi

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
COPY --from=client /src/src/WebApi/wwwroot ./src/WebApi/wwwroot
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet restore src/WebApi/WebApi.csproj
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet publish src/WebApi/WebApi.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl serves the health checks (below and in docker-compose.yml); nothing else is added to the base image.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# The data folder (Embedded:DataDirectory: local file storage and the like) is the only place the app writes.
RUN mkdir -p /data && chown "$APP_UID" /data
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Embedded__DataDirectory=/data \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# APP_UID is the unprivileged "app" user that the .NET images ship.
USER $APP_UID
EXPOSE 8080
VOLUME ["/data"]
# Liveness only: an unreachable database makes /health/ready fail, and restarting the API would not fix it.
# docker-compose.yml waits for /health/ready before Kong starts.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
    CMD curl --fail --silent --show-error --max-time 4 http://127.0.0.1:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "BrandAutomator.WebApi.dll"]
