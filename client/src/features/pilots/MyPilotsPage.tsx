// Being built (issue 8).
export default function MyPilotsPage() {
  return <p className="state">Pilots are being built.</p>;
}
