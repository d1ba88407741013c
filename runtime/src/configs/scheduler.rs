//! `pallet_scheduler`: dispatches calls at a later block; governance uses it to enact approved
//! proposals (named tasks) with the origin of their class.

use frame_support::{parameter_types, traits::EqualPrivilegeOnly, weights::Weight};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

use super::RuntimeBlockWeights;
use crate::{
	AccountId, OriginCaller, Preimage, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
};

parameter_types! {
	/// Scheduled calls may use up to 80% of a block's weight.
	pub MaximumSchedulerWeight: Weight =
		Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

impl pallet_scheduler::Config for Runtime {
	/// The overarching event type.
	type RuntimeEvent = RuntimeEvent;
	/// The runtime's origin.
	type RuntimeOrigin = RuntimeOrigin;
	/// The origins a scheduled call can be dispatched with.
	type PalletsOrigin = OriginCaller;
	/// The runtime's call.
	type RuntimeCall = RuntimeCall;
	/// Weight available to scheduled calls per block.
	type MaximumWeight = MaximumSchedulerWeight;
	/// Only Root (governance) schedules calls directly.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	/// Origins are compared by equality only.
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	/// Scheduled tasks per block.
	type MaxScheduledPerBlock = frame_support::traits::ConstU32<50>;
	/// Weights measured on this runtime by `scripts/weights.sh`.
	type WeightInfo = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
	/// Large calls are stored as preimages.
	type Preimages = Preimage;
	/// Scheduler agendas are keyed by this chain's own block number.
	type BlockNumberProvider = System;
}
