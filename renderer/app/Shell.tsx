import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { languages, type Language } from '../../shared/i18n';
import { useAuth } from '../features/auth/store';
import { useSystem } from '../features/system/store';
import { allowed } from './access';
import { switchLanguage } from './i18n';
import { sections } from './sections';
import { LogoutButton } from '../features/auth/LogoutButton';
import { SyncIndicator } from '../features/sync/SyncIndicator';

const LANGUAGE_LABEL: Record<Language, string> = { ru: 'Рус', kk: 'Қаз' };

function GatewayIndicator() {
  const { t } = useTranslation();
  const gateway = useSystem((state) => state.health?.gateway);
  const state = !gateway || gateway.mode === 'none' ? 'none' : gateway.reachable ? 'online' : 'offline';
  const label = { none: t('header.noGateway'), online: t('header.online'), offline: t('header.offline') }[state];
  return (
    <span className={`indicator indicator-${state}`} data-testid="gateway-indicator" data-state={state}>
      {label}
    </span>
  );
}

function UserArea() {
  const { t } = useTranslation();
  const status = useAuth((state) => state.status);
  const user = status?.user;
  if (!user) {
    return (
      <span className="user" data-testid="user">
        {t('header.signedOut')}
      </span>
    );
  }
  return (
    <span className="user" data-testid="user">
      <span>
        {user.fullName} · {t(`roles.${user.role}`)}
      </span>
      <LogoutButton />
    </span>
  );
}

/** The first Tab stop once signed in: past the header and the navigation to the open screen. */
function SkipLink() {
  const { t } = useTranslation();
  const signedIn = useAuth((state) => Boolean(state.status?.user && !state.status.locked));
  if (!signedIn) return null;
  return (
    <a
      href="#content"
      className="skip-link"
      onClick={(event) => {
        // The router owns the URL: move focus without touching the address.
        event.preventDefault();
        document.getElementById('content')?.focus();
      }}
    >
      {t('nav.skip')}
    </a>
  );
}

/** The header every screen has, signed in or not: who, which language, is the gateway there. */
export function Frame({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const training = useSystem((state) => state.health?.gateway.mode === 'training');
  return (
    <div className="shell">
      <SkipLink />
      <header className="header">
        <strong className="brand">{t('app.title')}</strong>
        {training ? <span className="badge-training">{t('header.training')}</span> : null}
        <GatewayIndicator />
        <SyncIndicator />
        <UserArea />
        <span role="group" aria-label={t('header.language')} className="languages">
          {languages.map((language) => (
            <button key={language} type="button" lang={language} aria-pressed={i18n.language === language} onClick={() => switchLanguage(language)}>
              {LANGUAGE_LABEL[language]}
            </button>
          ))}
        </span>
      </header>
      {children}
    </div>
  );
}

/** The signed-in part: the sections a role may open, then the open section. */
export function Sections() {
  const { t } = useTranslation();
  const role = useAuth((state) => state.status?.user?.role);
  return (
    <>
      <nav className="nav" aria-label={t('nav.main')}>
        {sections
          .filter((section) => allowed(section, role))
          .map((section) => (
            <NavLink key={section.path} to={section.path}>
              {t(`nav.${section.label}`)}
            </NavLink>
          ))}
      </nav>
      <div id="content" tabIndex={-1}>
        <Outlet />
      </div>
    </>
  );
}
