import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="panel">
      <h1>Not allowed</h1>
      <p>
        Your role does not give access to this page. Ask an admin for a different role, or go to the <Link href="/">overview</Link>.
      </p>
    </div>
  );
}
