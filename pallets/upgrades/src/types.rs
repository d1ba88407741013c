//! Types of pallet-upgrades and the readiness rule.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{PerThing, Perbill};

/// A node software version, compared as `(major, minor, patch)`.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Default,
)]
pub struct NodeVersion {
	/// Major version.
	pub major: u16,
	/// Minor version.
	pub minor: u16,
	/// Patch version.
	pub patch: u16,
}

impl NodeVersion {
	/// The version `major.minor.patch`.
	pub const fn new(major: u16, minor: u16, patch: u16) -> Self {
		Self { major, minor, patch }
	}
}

impl core::fmt::Display for NodeVersion {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
	}
}

/// Why a text is not a node version.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ParseNodeVersionError {
	/// Not three parts separated by dots.
	NotThreeParts,
	/// A part is not a number in `0..=65535`.
	BadNumber,
}

impl core::fmt::Display for ParseNodeVersionError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Self::NotThreeParts => f.write_str("expected MAJOR.MINOR.PATCH, e.g. 1.2.0"),
			Self::BadNumber => f.write_str("each part must be a number from 0 to 65535"),
		}
	}
}

impl core::str::FromStr for NodeVersion {
	type Err = ParseNodeVersionError;

	/// Parses `MAJOR.MINOR.PATCH`; a pre-release or build suffix after `-`/`+` is ignored.
	fn from_str(s: &str) -> Result<Self, Self::Err> {
		let core = s.split(['-', '+']).next().unwrap_or_default();
		let mut parts = core.split('.');
		let mut next = || -> Result<u16, ParseNodeVersionError> {
			let part = parts.next().ok_or(ParseNodeVersionError::NotThreeParts)?;
			if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
				return Err(ParseNodeVersionError::BadNumber);
			}
			part.parse().map_err(|_| ParseNodeVersionError::BadNumber)
		};
		let version = NodeVersion { major: next()?, minor: next()?, patch: next()? };
		if parts.next().is_some() {
			return Err(ParseNodeVersionError::NotThreeParts);
		}
		Ok(version)
	}
}

/// An announced upgrade.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct PendingUpgrade<Hash, BlockNumber> {
	/// The hash of the new runtime code (a requested preimage).
	pub code_hash: Hash,
	/// The length of the code, in bytes.
	pub code_len: u32,
	/// The first block whose `on_initialize` may install it.
	pub activate_at: BlockNumber,
	/// The `spec_version` the code must have.
	pub spec_version: u32,
	/// The least node version that can run the new runtime.
	pub min_node_version: NodeVersion,
	/// The share of authorities that must have signalled `min_node_version` or newer.
	pub required_readiness: Perbill,
	/// The last block the upgrade may wait for readiness; past it the upgrade fails.
	pub readiness_deadline: BlockNumber,
}

/// An upgrade the pallet installed: what clients show as the chain's upgrade history.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct ActivatedUpgrade<Hash, BlockNumber> {
	/// The hash of the code installed.
	pub code_hash: Hash,
	/// Its `spec_version`.
	pub spec_version: u32,
	/// The least node version that can run it.
	pub min_node_version: NodeVersion,
	/// The block whose `on_initialize` installed it (the next block runs it).
	pub activated_at: BlockNumber,
}

/// A pending upgrade with the readiness the authorities have signalled so far.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct UpgradeStatus<Hash, BlockNumber> {
	/// The upgrade.
	pub upgrade: PendingUpgrade<Hash, BlockNumber>,
	/// The share of current authorities that signalled `min_node_version` or newer.
	pub readiness: Perbill,
	/// Whether that share meets `required_readiness`.
	pub ready: bool,
}

/// Why an activation did not install the code.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum FailureReason {
	/// The code's preimage is not available.
	CodeUnavailable,
	/// The code does not hash to the announced hash.
	HashMismatch,
	/// No runtime version could be read from the code (not a runtime wasm).
	NotARuntime,
	/// The code is a runtime of another chain (`spec_name` differs).
	SpecNameChanged,
	/// The code's `spec_version` is not the announced one.
	SpecVersionMismatch,
	/// The code's `spec_version` is not above the running runtime's.
	SpecVersionNotHigher,
	/// Not enough authorities signalled a node version able to run it before the deadline.
	ReadinessNotReached,
}

/// Whether `ready` of `total` authorities meet the share `required` (exact: no rounding).
///
/// With no authorities only a zero requirement is met.
pub fn readiness_met(ready: u32, total: u32, required: Perbill) -> bool {
	if total == 0 {
		return required.is_zero();
	}
	let have = u64::from(ready).saturating_mul(u64::from(Perbill::ACCURACY));
	let need = u64::from(required.deconstruct()).saturating_mul(u64::from(total));
	have >= need
}

#[cfg(test)]
mod tests {
	use super::*;
	use core::str::FromStr;

	#[test]
	fn readiness_met_works() {
		let two_thirds = Perbill::from_parts(666_666_667);
		// (ready, total, required, met)
		let table = [
			(0, 0, Perbill::zero(), true),
			(0, 0, Perbill::from_percent(1), false),
			(0, 5, Perbill::zero(), true),
			(1, 2, Perbill::from_percent(50), true),
			(0, 2, Perbill::from_percent(50), false),
			(2, 3, two_thirds, false),
			(2, 3, Perbill::from_parts(666_666_666), true),
			(3, 3, two_thirds, true),
			(3, 4, Perbill::from_percent(75), true),
			(2, 4, Perbill::from_percent(75), false),
			(4, 4, Perbill::one(), true),
			(99, 100, Perbill::one(), false),
			(u32::MAX, u32::MAX, Perbill::one(), true),
			(u32::MAX - 1, u32::MAX, Perbill::one(), false),
		];
		for (ready, total, required, met) in table {
			assert_eq!(
				readiness_met(ready, total, required),
				met,
				"{ready}/{total} vs {required:?}"
			);
		}
	}

	#[test]
	fn node_version_parse_works() {
		let ok = [
			("1.2.3", NodeVersion::new(1, 2, 3)),
			("0.1.0", NodeVersion::new(0, 1, 0)),
			("65535.0.9", NodeVersion::new(65535, 0, 9)),
			("2.0.0-rc1", NodeVersion::new(2, 0, 0)),
			("2.0.1+abc", NodeVersion::new(2, 0, 1)),
		];
		for (text, version) in ok {
			assert_eq!(NodeVersion::from_str(text), Ok(version), "{text}");
			assert_eq!(version.to_string(), text.split(['-', '+']).next().unwrap_or_default());
		}
	}

	#[test]
	fn node_version_parse_fails() {
		let bad = [
			("", ParseNodeVersionError::BadNumber),
			("1.2", ParseNodeVersionError::NotThreeParts),
			("1.2.3.4", ParseNodeVersionError::NotThreeParts),
			("1..3", ParseNodeVersionError::BadNumber),
			("a.b.c", ParseNodeVersionError::BadNumber),
			("1.2.-3", ParseNodeVersionError::BadNumber),
			("65536.0.0", ParseNodeVersionError::BadNumber),
			(" 1.2.3", ParseNodeVersionError::BadNumber),
		];
		for (text, error) in bad {
			assert_eq!(NodeVersion::from_str(text), Err(error), "{text:?}");
		}
	}

	#[test]
	fn node_version_order_works() {
		assert!(NodeVersion::new(1, 0, 0) > NodeVersion::new(0, 99, 99));
		assert!(NodeVersion::new(1, 2, 0) > NodeVersion::new(1, 1, 7));
		assert!(NodeVersion::new(1, 2, 3) >= NodeVersion::new(1, 2, 3));
	}
}
