# e2e/npm-env.sh, sourced by e2e/setup.sh: clean_npm_env unsets the npm_* variables that an outer
# `npm run` (or npm exec) exported to its script. npm reads every npm_config_* variable as
# configuration, so an inner npm started under another Node inherits the outer npm's settings:
# npm_config_user_agent still says node/v20, and code-server's postinstall.sh reads the Node major
# version from it ("code-server currently requires node v24 ... you are on node v20"), while
# npm_config_node_gyp and npm_node_execpath point at the outer npm's node-gyp and Node.
# Kept: the settings a user sets on purpose for every npm (cache, registry, proxies, certificates,
# config files), so an install still goes where and how the user's npm goes.
clean_npm_env() {
  local keep='^npm_config_(cache|registry|userconfig|globalconfig|cafile|ca|cert|key|strict_ssl|proxy|https_proxy|noproxy|fetch_[a-z_]+|loglevel|offline|prefer_offline)$'
  local name
  for name in $(compgen -e); do
    case "${name,,}" in
      npm_*) [[ "${name,,}" =~ $keep ]] || unset "$name" ;;
    esac
  done
}
