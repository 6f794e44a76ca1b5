/** Contexts the `existing` provider accepts when `CHAOS_ALLOWED_CONTEXTS` is unset. */
export const DEFAULT_ALLOWED_CONTEXTS: readonly string[] = ['kind-*', 'k3s*', 'emulated']

/** Reads the comma-separated glob list of `CHAOS_ALLOWED_CONTEXTS`; unset or blank means the defaults. */
export const parseAllowedContexts = (value: string | undefined): string[] => {
  const globs = (value ?? '').split(',').map((glob) => glob.trim()).filter((glob) => glob !== '')
  return globs.length > 0 ? globs : [...DEFAULT_ALLOWED_CONTEXTS]
}

/** Glob match where `*` is any run of characters and `?` one character; everything else is literal. */
export const matchesGlob = (name: string, glob: string): boolean => {
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${pattern}$`).test(name)
}

/** Whether a kube context name matches one of the allow-list globs. */
export const isContextAllowed = (context: string, globs: readonly string[]): boolean =>
  globs.some((glob) => matchesGlob(context, glob))
