import { useState } from 'react';
import { errorMessage, type ProfileKitImage, type SocialPlatform, type SocialProfileKit } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { hasRole, useSession } from '../auth/useSession';
import { BrandChoice, BrandSelect, type BrandOption } from '../brands/BrandChoice';
import { platforms, useCreateProfileKits, usePushKit, useProfileKits, useRegenerateKit } from './api';
import styles from './automation.module.css';
import { KitSteps } from './KitSteps';

/** Profile kits: everything each network's profile needs, ready to paste or to push, and the steps left to do. */
export default function ProfileKitsPage() {
  return (
    <>
      <PageHeader
        title="Profile kits"
        description="Names, handles, bios within each network's limits, and images at each network's exact sizes, for every profile your brand needs."
      />
      <BrandChoice needed="its profile, voice, logo and colours are what the kits are made from.">
        {({ companyId, brands, onBrand }) => <Kits companyId={companyId} brands={brands} onBrand={onBrand} />}
      </BrandChoice>
    </>
  );
}

function Kits({ companyId, brands, onBrand }: { companyId: string; brands: BrandOption[]; onBrand: (id: string) => void }) {
  const session = useSession();
  const canEdit = hasRole(session, 'editor');
  const kits = useProfileKits(companyId);
  const create = useCreateProfileKits(companyId);
  const [chosen, setChosen] = useState<SocialPlatform[]>(platforms.map((p) => p.value));

  return (
    <div className={styles.stack}>
      <section className={`card ${styles.panel}`} aria-labelledby="kit-generate">
        <h2 id="kit-generate" className={styles.sectionTitle}>
          Generate kits
        </h2>
        <div className={styles.controls}>
          <BrandSelect brands={brands} value={companyId} onChange={onBrand} />
          <fieldset className={styles.platforms}>
            <legend className="field__label">Networks</legend>
            {platforms.map((platform) => (
              <label key={platform.value} className={styles.check}>
                <input
                  type="checkbox"
                  checked={chosen.includes(platform.value)}
                  onChange={(event) =>
                    setChosen((current) =>
                      event.target.checked ? [...current, platform.value] : current.filter((p) => p !== platform.value),
                    )
                  }
                />
                {platform.label}
              </label>
            ))}
          </fieldset>
        </div>
        {create.error && <Alert tone="error">{errorMessage(create.error)}</Alert>}
        <div>
          <Button
            variant="primary"
            icon="sparkles"
            loading={create.isPending}
            disabled={!canEdit || chosen.length === 0}
            onClick={() => create.mutate(platforms.map((p) => p.value).filter((p) => chosen.includes(p)))}
          >
            {kits.data && kits.data.length > 0 ? 'Generate again' : 'Generate kits'}
          </Button>
          {!canEdit && <p className="field__hint">An editor or admin can generate kits.</p>}
        </div>
      </section>
      <QueryState query={kits} loadingLabel="Loading kits" rows={3}>
        {(list) =>
          list.length === 0 ? (
            <div className="card">
              <EmptyState icon="users" title="No kits yet">
                Choose the networks and generate: each kit has what its profile needs and the steps that are left.
              </EmptyState>
            </div>
          ) : (
            <ul className={styles.kits} aria-label="Profile kits">
              {list.map((kit) => (
                <KitCard key={kit.id} kit={kit} companyId={companyId} canEdit={canEdit} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}

function KitCard({ kit, companyId, canEdit }: { kit: SocialProfileKit; companyId: string; canEdit: boolean }) {
  const regenerate = useRegenerateKit(companyId);
  const push = usePushKit(companyId);
  const toast = useToast();
  const headingId = `kit-${kit.id}`;
  const error = regenerate.error ?? push.error;

  return (
    <li className={`card ${styles.kit}`}>
      <div className={styles.kitHeader}>
        <h2 id={headingId} className={styles.sectionTitle}>
          {kit.platformName}
        </h2>
        <div className={styles.badges}>
          <Badge>Version {kit.version}</Badge>
          {kit.source.offline && <Badge tone="warning">Offline texts</Badge>}
          {kit.pushedAt && <Badge tone="success">Pushed</Badge>}
        </div>
      </div>
      {kit.source.note && <p className={styles.note}>{kit.source.note}</p>}
      <div className={styles.images}>
        <ImagePreview image={kit.avatar} name={kit.displayName} round />
        {kit.banner && <ImagePreview image={kit.banner} name={kit.displayName} />}
      </div>
      <dl className={styles.fields}>
        <Copyable label="Name" text={kit.displayName} max={kit.maxDisplayNameLength} />
        {kit.handles.length > 0 && (
          <div className={styles.field}>
            <dt>Handle ideas</dt>
            <dd>
              <ul className={styles.handles}>
                {kit.handles.map((handle) => (
                  <li key={handle}>
                    <code>@{handle}</code>
                    <CopyButton text={handle} what={`@${handle}`} />
                  </li>
                ))}
              </ul>
              {kit.handleRule && <p className="field__hint">{kit.handleRule}. Whether one is free, only the network can say.</p>}
            </dd>
          </div>
        )}
        {kit.texts.map((text) => (
          <Copyable key={text.key} label={text.label} text={text.text} max={text.maxLength} length={text.length} long />
        ))}
        {kit.link && <Copyable label="Website" text={kit.link} />}
      </dl>
      <KitSteps steps={kit.remainingSteps} platform={kit.platform} platformName={kit.platformName} />
      {error && <Alert tone="error">{errorMessage(error)}</Alert>}
      {canEdit && (
        <div className={styles.actions}>
          <Button
            icon="refresh"
            loading={regenerate.isPending}
            onClick={() =>
              regenerate.mutate(kit.id, { onSuccess: () => toast.success(`A new ${kit.platformName} kit is ready.`) })
            }
          >
            Regenerate
          </Button>
          {kit.canPush && (
            <Button
              icon="send"
              loading={push.isPending}
              onClick={() => push.mutate(kit.id, { onSuccess: () => toast.success(`Texts set on ${kit.platformName}.`) })}
            >
              Push to {kit.platformName}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

function ImagePreview({ image, name, round = false }: { image: ProfileKitImage; name: string; round?: boolean }) {
  return (
    <figure className={round ? styles.avatar : styles.banner}>
      <img
        src={image.url}
        alt={`${image.label} for ${name}, ${image.width} by ${image.height} pixels`}
        width={image.width}
        height={image.height}
        loading="lazy"
      />
      <figcaption>
        {image.label} · {image.width}×{image.height}{' '}
        <a href={image.url} download>
          Download
        </a>
      </figcaption>
    </figure>
  );
}

function Copyable({
  label,
  text,
  max,
  length,
  long = false,
}: {
  label: string;
  text: string;
  max?: number;
  length?: number;
  long?: boolean;
}) {
  const count = length ?? [...text].length;
  return (
    <div className={styles.field}>
      <dt>
        {label}
        {max !== undefined && (
          <span className={styles.counter} aria-label={`${count} of ${max} characters`}>
            {count}/{max}
          </span>
        )}
      </dt>
      <dd className={styles.value}>
        <span className={long ? styles.longText : undefined}>{text}</span>
        <CopyButton text={text} what={label} />
      </dd>
    </div>
  );
}

function CopyButton({ text, what }: { text: string; what: string }) {
  const toast = useToast();
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`Copy ${what}`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          toast.success(`${what} copied.`);
        } catch {
          toast.error('Copying was blocked by the browser; select the text instead.');
        }
      }}
    >
      Copy
    </Button>
  );
}
