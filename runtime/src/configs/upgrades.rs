//! `Upgrades`: runtime upgrades that a protocol-upgrade proposal schedules for a set block,
//! checked before they are installed, with node readiness signalled by the Aura authorities.
//!
//! This is the only way the runtime code changes: `System::set_code` and the other code calls
//! need Root, which no class dispatches for them (they belong to the protocol-upgrade class,
//! which dispatches with its own origin).

use frame_support::{
	parameter_types,
	traits::{ConstU16, ConstU32, EitherOfDiverse},
};
use pallet_governance::EnsureClass;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::transaction_validity::TransactionPriority;

use super::governance::classes::{Pace, CANCELLATION, PROTOCOL_UPGRADE};
use crate::{BlockNumber, Preimage, Runtime, RuntimeCall, UncheckedExtrinsic, DAYS};

/// The least blocks between scheduling an upgrade and its activation (genesis value; a
/// protocol-upgrade proposal can change it): a day for operators to upgrade their nodes, or
/// 2 blocks at development pace.
pub fn min_activation_delay(pace: Pace) -> BlockNumber {
	match pace {
		Pace::Production => DAYS,
		Pace::Development | Pace::Benchmark => 2,
	}
}

/// The current Aura authorities, whose node readiness is counted.
pub struct AuraAuthorities;
impl frame_support::traits::Get<alloc::vec::Vec<AuraId>> for AuraAuthorities {
	fn get() -> alloc::vec::Vec<AuraId> {
		pallet_aura::Authorities::<Runtime>::get().into_inner()
	}
}

/// Benchmarks set the authority set directly.
#[cfg(feature = "runtime-benchmarks")]
pub struct SetAuraAuthorities;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_upgrades::BenchmarkHelper<AuraId> for SetAuraAuthorities {
	fn set_authorities(authorities: alloc::vec::Vec<AuraId>) {
		let bounded = frame_support::BoundedVec::truncate_from(authorities);
		pallet_aura::Authorities::<Runtime>::put(bounded);
	}
}

parameter_types! {
	/// Readiness signals pay no fee, so they rank below every paid transaction (whose priority
	/// is at least 1): a flood of them cannot push paying users out of a block.
	pub const ReadinessPriority: TransactionPriority = 0;
}

impl pallet_upgrades::Config for Runtime {
	/// A protocol-upgrade proposal schedules upgrades (two thirds, 20% turnout).
	type UpgradeOrigin = EnsureClass<ConstU16<PROTOCOL_UPGRADE>>;
	/// A protocol-upgrade or a cancellation proposal cancels one.
	type CancelOrigin = EitherOfDiverse<
		EnsureClass<ConstU16<PROTOCOL_UPGRADE>>,
		EnsureClass<ConstU16<CANCELLATION>>,
	>;
	/// The code is a preimage.
	type Preimages = Preimage;
	/// Authorities sign readiness with their Aura (block authoring) key.
	type AuthorityId = AuraId;
	/// See [`AuraAuthorities`].
	type Authorities = AuraAuthorities;
	/// Aura's bound.
	type MaxAuthorities = <Runtime as pallet_aura::Config>::MaxAuthorities;
	/// Upgrades pending at once.
	type MaxPending = ConstU32<8>;
	/// The upgrade history clients read: the last 32 (at most 32 x 40 bytes).
	type MaxActivated = ConstU32<32>;
	/// 3 MiB of stored (compressed) code: six times this runtime's 0.5 MiB, under the preimage
	/// pallet's 4 MiB.
	type MaxCodeSize = ConstU32<{ 3 * 1024 * 1024 }>;
	/// An authority may change its word on a code once a minute (10 blocks).
	type SignalCooldown = ConstU32<10>;
	/// See [`ReadinessPriority`].
	type UnsignedPriority = ReadinessPriority;
	/// Weights measured on this runtime by `scripts/weights.sh`.
	type WeightInfo = pallet_upgrades::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SetAuraAuthorities;
}

impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

/// Offchain workers submit readiness signals as bare extrinsics.
impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}
