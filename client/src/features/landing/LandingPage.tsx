import { ButtonLink } from '../../components/Button';
import { Icon, type IconName } from '../../components/Icon';
import { Logo } from '../../components/Logo';
import { useDocumentTitle } from '../../components/PageHeader';
import { useSession } from '../auth/useSession';
import { usePlans } from './plans';
import { PricingSection } from './PricingSection';
import styles from './landing.module.css';

const steps: { title: string; text: string }[] = [
  { title: 'Tell us who you are', text: 'Five short steps capture your company, audience, voice and goals.' },
  { title: 'Add your brand assets', text: 'Drop in guidelines, decks, product sheets and photos. We read them for you.' },
  {
    title: 'Get a strategy you can trust',
    text: 'Positioning, market analysis and messaging, each point traced to your own material.',
  },
  { title: 'Publish on autopilot', text: 'Approve posts in a calendar and they go out on time, to every network, exactly once.' },
];

const features: { icon: IconName; title: string; text: string }[] = [
  {
    icon: 'message',
    title: 'An AI strategist that shows its sources',
    text: 'Ask anything about your brand. Answers stream in and cite the asset and passage they came from.',
  },
  {
    icon: 'chart',
    title: 'Strategy and market analysis',
    text: 'Structured, editable versions of your positioning, audiences and competitors: accept what fits.',
  },
  {
    icon: 'calendar',
    title: 'A calendar with approvals',
    text: 'Draft, review, approve and schedule in month, week or list view. Drag a post to move it.',
  },
  {
    icon: 'send',
    title: 'Every network, one place',
    text: 'LinkedIn, X, Facebook, Instagram and Google Business Profile, with each platform’s limits checked.',
  },
  {
    icon: 'users',
    title: 'Built for teams',
    text: 'Invite colleagues as admins, editors or viewers. Every sign-in and change lands in an audit log.',
  },
  {
    icon: 'lock',
    title: 'Your data stays yours',
    text: 'Each company gets its own isolated database schema. Nothing is shared between workspaces.',
  },
];

export default function LandingPage() {
  useDocumentTitle('');
  const session = useSession();
  const plans = usePlans();
  const showPricingLink = plans.isSuccess && plans.data !== null && plans.data.length > 0;

  return (
    <div className={styles.page}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={`${styles.container} ${styles.headerInner}`}>
          <Logo compact />
          <nav aria-label="Main" className={styles.nav}>
            <a href="#how-it-works">How it works</a>
            <a href="#features">Features</a>
            {showPricingLink && <a href="#pricing">Pricing</a>}
          </nav>
          <div className={styles.headerActions}>
            {session ? (
              <ButtonLink to="/app" variant="primary">
                Open your workspace
              </ButtonLink>
            ) : (
              <>
                <ButtonLink to="/sign-in" variant="ghost" className={styles.signIn}>
                  Sign in
                </ButtonLink>
                <ButtonLink to="/sign-up" variant="primary">
                  Start free
                </ButtonLink>
              </>
            )}
          </div>
        </div>
      </header>

      <main id="main">
        <section className={styles.hero} aria-labelledby="hero-title">
          <div className={`${styles.container} ${styles.heroInner}`}>
            <div className={styles.heroCopy}>
              <p className={styles.pill}>
                <Icon name="sparkles" /> Brand strategy, AI guidance and publishing in one place
              </p>
              <h1 id="hero-title" className={styles.heroTitle} tabIndex={-1} data-page-heading>
                Your brand, on autopilot. <span className={styles.heroAccent}>Always on-brand.</span>
              </h1>
              <p className={styles.heroText}>
                AI Brand Automator turns your company profile and brand assets into a clear strategy, answers grounded in your own
                documents, and a content calendar that publishes itself.
              </p>
              <div className={styles.heroActions}>
                <ButtonLink to={session ? '/app' : '/sign-up'} variant="primary" size="lg" icon="arrowRight">
                  {session ? 'Open your workspace' : 'Create your workspace'}
                </ButtonLink>
                <a className="btn btn--secondary btn--lg" href="#how-it-works">
                  See how it works
                </a>
              </div>
              <p className={styles.heroNote}>No card needed to start · Cancel anytime</p>
            </div>
            <HeroPreview />
          </div>
        </section>

        <section id="how-it-works" className={styles.section} aria-labelledby="how-title">
          <div className={styles.container}>
            <div className={styles.sectionHead}>
              <p className={styles.eyebrow}>How it works</p>
              <h2 id="how-title" className={styles.sectionTitle}>
                From a blank page to a month of posts
              </h2>
            </div>
            <ol className={styles.steps}>
              {steps.map((step, index) => (
                <li key={step.title} className={styles.step}>
                  <span className={styles.stepNumber} aria-hidden="true">
                    {index + 1}
                  </span>
                  <h3 className={styles.stepTitle}>{step.title}</h3>
                  <p className={styles.stepText}>{step.text}</p>
                </li>
              ))}
            </ol>
          </div>
        </section>

        <section id="features" className={`${styles.section} ${styles.sectionMuted}`} aria-labelledby="features-title">
          <div className={styles.container}>
            <div className={styles.sectionHead}>
              <p className={styles.eyebrow}>Features</p>
              <h2 id="features-title" className={styles.sectionTitle}>
                Everything your brand needs to show up every week
              </h2>
            </div>
            <ul className={styles.features}>
              {features.map((feature) => (
                <li key={feature.title} className={styles.feature}>
                  <span className={styles.featureIcon}>
                    <Icon name={feature.icon} />
                  </span>
                  <h3 className={styles.featureTitle}>{feature.title}</h3>
                  <p className={styles.featureText}>{feature.text}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>

        <PricingSection />

        <section className={styles.cta} aria-labelledby="cta-title">
          <div className={`${styles.container} ${styles.ctaInner}`}>
            <h2 id="cta-title" className={styles.ctaTitle}>
              Give your brand a voice that never takes a week off.
            </h2>
            <ButtonLink to={session ? '/app' : '/sign-up'} variant="secondary" size="lg">
              {session ? 'Open your workspace' : 'Get started free'}
            </ButtonLink>
          </div>
        </section>
      </main>

      <footer className={styles.footer}>
        <div className={`${styles.container} ${styles.footerInner}`}>
          <Logo />
          <p className="muted small">© {new Date().getFullYear()} AI Brand Automator. All rights reserved.</p>
        </div>
      </footer>
    </div>
  );
}

/** A still picture of the product, drawn with markup (no image to download); decorative for screen readers. */
function HeroPreview() {
  const posts = [
    { day: 'Mon', network: 'LinkedIn', text: 'Three lessons from our first 1,000 customers', state: 'Published' },
    { day: 'Wed', network: 'Instagram', text: 'Behind the scenes: our new spring collection', state: 'Scheduled' },
    { day: 'Fri', network: 'X', text: 'We are hiring! Join a team that ships weekly', state: 'In review' },
  ];
  return (
    <div className={styles.preview} aria-hidden="true">
      <div className={styles.previewBar}>
        <span />
        <span />
        <span />
      </div>
      <div className={styles.previewBody}>
        <div className={styles.previewChat}>
          <p className={styles.previewQuestion}>What tone should our launch posts take?</p>
          <p className={styles.previewAnswer}>
            Confident and warm. Your brand book asks for “plain words, no hype”, and your best-performing posts lead with a
            customer story.
            <span className={styles.previewCite}>Brand book · p. 4</span>
          </p>
        </div>
        <ul className={styles.previewPosts}>
          {posts.map((post) => (
            <li key={post.day}>
              <span className={styles.previewDay}>{post.day}</span>
              <span className={styles.previewText}>
                <strong>{post.network}</strong>
                {post.text}
              </span>
              <span className={styles.previewState} data-state={post.state}>
                {post.state}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
